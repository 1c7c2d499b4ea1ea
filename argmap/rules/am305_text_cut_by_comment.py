"""A ` #` in unquoted text starts a YAML comment, so the rest of the text is lost.

In YAML, a `#` after a space begins a comment, even in the middle of a claim: the claim
below is read as "Finland's pupils rank", and nothing else says so. argmap warns when a
`#` follows unquoted text of a `claim`, `quote`, `note` or `held_by` after a single
space, as text does; quote the text to keep it whole. A comment set off by two spaces or
more, after quoted text, or on a line of its own is a comment as intended.

Fails:

    claim: Finland's pupils rank #1 in reading, yet get little homework.

Passes:

    claim: "Finland's pupils rank #1 in reading, yet get little homework."
    claim: Finland's pupils read best.  # PISA 2018, Table 3
"""

from argmap.map_format import PROSE_KEYS
from argmap.problem import Severity

CODE = "AM305"
NAME = "text-cut-by-comment"
SEVERITY = Severity.WARNING
#: The keys whose values are prose, where a ` #` is far more likely text than a comment.
TEXT_KEYS = PROSE_KEYS
