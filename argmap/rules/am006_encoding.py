"""The file is not UTF-8 text, or holds a control character or a line separator.

Maps are UTF-8 (a byte-order mark is accepted and ignored). Control characters other
than tab and newline are invisible in editors and break terminals and diagrams, so they
are refused also when written as an escape in double quotes (`"\\e[31m"`, `"\\r"`).
The separators U+2028 and U+2029 are refused as they stand in the file: YAML reads them
as line breaks where editors show none, which would put every later position off.

Fails: a file saved as Latin-1 or UTF-16, or a claim holding a NUL or ESC character.

Passes: any UTF-8 text, including Chinese characters, emoji and right-to-left scripts.
"""

from argmap.problem import Severity

CODE = "AM006"
NAME = "encoding"
SEVERITY = Severity.ERROR
