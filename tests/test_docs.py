"""Generated documentation is up to date with the code it is generated from."""

from argmap.rules.docs import markdown_reference
from tests.conftest import ROOT


def test_rules_reference_matches_the_registry():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown_reference(), \
        "run `make docs` to regenerate docs/rules.md"


def _workflow() -> dict:
    import re

    import yaml

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data


def test_the_ci_workflow_is_a_workflow_that_lints_and_uploads_sarif():
    workflow = _workflow()
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads `on` as true
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["lint-maps"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses[0] == "actions/checkout" and uses[-1] == "github/codeql-action/upload-sarif"
    assert steps[-1]["with"]["sarif_file"] == "argmap.sarif"
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "argmap lint maps --strict --format github" in runs


def test_the_ci_workflow_lint_steps_run_as_written(tmp_path):
    # The steps' shell, run with this checkout's argmap on clean and broken maps.
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    steps = _workflow()["jobs"]["lint-maps"]["steps"]
    scripts = [step["run"] for step in steps if "argmap lint" in step.get("run", "")]
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "NO_COLOR": "1"}

    def run(script: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)

    assert [run(script).returncode for script in scripts] == [0, 0]
    qiu = tmp_path / "maps" / "qiu.yaml"
    qiu.write_text(qiu.read_text(encoding="utf-8").replace("id: P2\n", "id: P1\n", 1),
                   encoding="utf-8")
    annotations, sarif = (run(script) for script in scripts)
    assert annotations.returncode == 1
    assert annotations.stdout.startswith("::error file=maps/qiu.yaml,line=")
    assert sarif.returncode == 0, sarif.stderr  # problems found: the upload still runs
    log = json.loads((tmp_path / "argmap.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"AM101"}
