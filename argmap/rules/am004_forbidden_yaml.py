"""The file uses a YAML feature a map must not contain: a tag, an anchor or an alias.

Explicit tags (`!!python/object`, `!!str`, `!custom`) can make other YAML loaders run
code. Anchors and aliases let a small file expand into an enormous one (an "alias
bomb") and make a map hard to read. argmap refuses all three before composing the
document. Refer to another node by its id instead.

Fails:

    thesis: &t
      id: T
      claim: !!python/object:os.system echo

Passes:

    thesis:
      id: T
      claim: Data power meets counter-power.
"""

from argmap.problem import Severity

CODE = "AM004"
NAME = "forbidden-yaml"
SEVERITY = Severity.ERROR
