"""The file is not valid YAML.

The parser stopped at the position given; the message says what it expected. Most
often a line is indented differently from its siblings, or a claim contains `: ` or
` #` and is not quoted.

Fails:

    thesis:
      id: T
      claim: The cost: high

Passes:

    thesis:
      id: T
      claim: "The cost: high"
"""

from argmap.problem import Severity

CODE = "AM001"
NAME = "yaml-syntax"
SEVERITY = Severity.ERROR
