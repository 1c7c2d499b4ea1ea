"""A key appears twice in the same mapping.

Plain YAML loaders keep only the last value and drop the first without a word, so a
claim written twice loses the author's text. argmap refuses the file instead.

Fails:

    - id: P1
      claim: Workers organised on GitHub.
      claim: Workers organised in 2019.

Passes:

    - id: P1
      claim: Workers organised on GitHub in 2019.
"""

from argmap.problem import Severity

CODE = "AM003"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
