from argmap.text import one_line


def test_line_breaks_and_controls_are_escaped_and_other_text_is_kept() -> None:
    assert one_line("a\nb\r\tc\x1b[31m\x85\u2028\u202e 数据 [x] `y`") == \
        "a\\nb\\r\\tc\\x1b[31m\\x85\\u2028\\u202e 数据 [x] `y`"
    text = "plain: 中文, quotes \"'\\ and braces {}"
    assert one_line(text) is text
