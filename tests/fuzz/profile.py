"""How hard the property tests look: a few fixed examples in `make test`, thousands in `make fuzz`.

`HYPOTHESIS_PROFILE=fuzz` (what `make fuzz` sets) draws 2,500 new examples per property
each run. Otherwise each property draws the same 30 examples every time, so the
everyday suite cannot fail on a case nobody has seen before. The settings decorate the
tests here rather than being loaded for the whole run, so other suites keep theirs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile("argmap-everyday", max_examples=30, deadline=None, derandomize=True,
                          suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("argmap-fuzz", max_examples=2500, deadline=None,
                          suppress_health_check=_QUIET, print_blob=True)

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
#: Decorate each property test with this.
examples = settings(settings.get_profile("argmap-fuzz" if FUZZING else "argmap-everyday"))
