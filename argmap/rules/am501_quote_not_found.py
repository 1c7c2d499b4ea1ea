"""A quote is not in the source text (checked by `argmap quotes`, not by `argmap lint`).

A `quote` must hold the author's exact words. `argmap quotes MAP --source TEXT` looks
every quote up in a plain-text copy of the source and reports each one it cannot find,
with the passage of the text most like it and how alike the two are, so a typo is easy
to spot. Differences that text extraction makes are forgiven: spacing, line breaks,
hyphenation, punctuation, curly quotes, dashes, ligatures, case, markup such as
`<sup>12</sup>` footnote markers, and characters text recognition confuses (`I`, `l`,
`1`, `|`; `O`, `0`). An ellipsis (`...`) in a quote marks words left out.

Fails, with a text that reads "Both these fetishised visions are partial":

    quote: Both these fetishized visions are partial

Passes:

    quote: Both these fetishised visions ... partial
"""

from argmap.problem import Severity

CODE = "AM501"
NAME = "quote-not-found"
SEVERITY = Severity.ERROR
