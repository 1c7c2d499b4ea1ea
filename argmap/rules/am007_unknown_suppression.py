"""A suppression comment names a rule that does not exist.

A misspelt code in `# argmap: disable=AM310` silences nothing, so the finding it was
meant to hide comes back, or a rule meant to stay on is not the one turned off. argmap
says so, as `--disable` on the command line does.

Fails:

    claim: A claim.  # argmap: disable=AM999

Passes:

    claim: A claim.  # argmap: disable=AM304
"""

from argmap.problem import Severity

CODE = "AM007"
NAME = "unknown-suppression"
SEVERITY = Severity.WARNING
