"""The file is YAML but not a map of format version 1.

A required key is missing, a key is unknown (with a suggestion when it is close to a
known one), or a value has the wrong type. docs/format.md describes every key;
`argmap schema` prints the JSON Schema that editors use to check maps as you type.

Fails:

    thesis:
      id: T
      cliam: Data power meets counter-power.

Passes:

    thesis:
      id: T
      claim: Data power meets counter-power.
"""

from argmap.problem import Severity

CODE = "AM002"
NAME = "schema"
SEVERITY = Severity.ERROR
