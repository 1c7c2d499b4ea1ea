"""The file is beyond the size of any real map: over 64 MB, or nested over 64 levels deep.

The limits keep a hostile or broken file from exhausting memory or the stack. A map
that really is that big can be split into several maps that refer to each other
(`other_map:ID`).

Fails: a premise nested inside 65 levels of premises.

Passes: a map whose deepest chain of premises is a few levels deep.
"""

from argmap.problem import Severity

CODE = "AM005"
NAME = "too-large"
SEVERITY = Severity.ERROR
