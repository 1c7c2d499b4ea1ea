from argmap.config import Settings
from argmap.lint import lint_loaded
from argmap.loader import load_text

MAP = "argmap: 1\nid: same\ntitle: t\nthesis: {id: T, claim: x, source: {para: 1}}\n"


def test_two_files_with_one_map_id_are_reported_on_the_second():
    result = lint_loaded([load_text(MAP, "a.yaml"), load_text(MAP, "b.yaml")], Settings())
    assert [(p.code, p.span.path, p.span.line) for p in result.problems] == [
        ("AM107", "b.yaml", 2)]
