"""Commands about what argmap knows: `list` (maps), `rules`, `schema`."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from argmap.cli.app import app, fail, handles_errors


@app.command("list")
@handles_errors
def list_maps(
    format: Annotated[str, typer.Option(
        "--format", "-f", help="Output format: text or json.")] = "text",
    json_output: Annotated[bool, typer.Option(
        "--json", help="The same as --format json.", hidden=True)] = False,
) -> None:
    """List the maps a bare name can reach: ./maps first, then those bundled with argmap.

    Examples:

      argmap list

      argmap list --format json
    """
    if format not in ("text", "json"):
        raise fail(f"unknown format `{format}`", "Choose one of: text, json.")
    json_output = json_output or format == "json"
    import json

    from argmap.config import load_settings
    from argmap.loader import load_file
    from argmap.names import available

    rows: list[dict[str, Any]] = []
    for found in available(load_settings()):
        result = load_file(found.path)
        amap = result.map
        rows.append({
            "name": found.name,
            "where": found.where,
            "path": str(found.path),
            "title": amap.title if amap else None,
            "author": amap.source.authors if amap else None,
            "nodes": sum(1 for _ in amap.walk()) if amap else None,
            "valid": amap is not None,
        })
    if json_output:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        sys.stdout.write("No maps found: no ./maps folder and no bundled maps.\n")
        return
    import shutil
    import textwrap

    width = max(len(row["name"]) for row in rows)
    indent = " " * (width + 11)
    columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else 10_000
    for row in rows:
        if row["valid"]:
            line = f"{row['title']} ({row['author'] or 'author unknown'}), {row['nodes']} nodes"
        else:
            line = f"does not load: run `argmap lint {row['path']}`"
        wrapped = textwrap.wrap(line, max(columns - len(indent), 30)) or [""]
        sys.stdout.write(f"{row['name']:<{width}}  {row['where']:<7}  "
                         + f"\n{indent}".join(wrapped) + "\n")


@app.command()
@handles_errors
def rules(
    rule_name: Annotated[str | None, typer.Argument(
        metavar="[RULE]", show_default=False,
        help="A rule's code or name (AM106, unchecked-reference): explain that rule.")] = None,
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the reference as Markdown (docs/rules.md).")] = False,
) -> None:
    """List the lint rules (code, name, default severity, what each checks), or explain
    one with its examples.

    Examples:

      argmap rules

      argmap rules AM106
    """
    from argmap.rules import RULES, RULES_BY_CODE, RULES_BY_NAME
    from argmap.rules.docs import markdown_reference

    if rule_name is not None:
        rule = RULES_BY_CODE.get(rule_name.upper()) or RULES_BY_NAME.get(rule_name.lower())
        if rule is None:
            import difflib

            close = difflib.get_close_matches(rule_name, [*RULES_BY_CODE, *RULES_BY_NAME], n=1)
            raise fail(f"no rule `{rule_name}`",
                       (f"Did you mean `{close[0]}`? " if close else "")
                       + "`argmap rules` lists them.")
        import textwrap

        first, _, rest = rule.doc.strip().partition("\n")
        sys.stdout.write(f"{rule.code} {rule.name} ({rule.severity})\n\n{first}\n\n"
                         f"{textwrap.dedent(rest).strip()}\n")
        return
    if markdown:
        sys.stdout.write(markdown_reference())
        return
    for rule in RULES:
        sys.stdout.write(f"{rule.code}  {rule.name:<22} {rule.severity!s:<8} {rule.summary}\n")


@app.command()
@handles_errors
def schema() -> None:
    """Print the JSON Schema of the map format, for editors and other tools.

    Example (VS Code with the YAML extension checks maps as you type):

      argmap schema > argmap.schema.json
    """
    from argmap.resources import schema_path

    sys.stdout.write(schema_path().read_text(encoding="utf-8"))
