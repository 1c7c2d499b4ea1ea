"""The language server driven over stdio by a real LSP client (pytest-lsp).

A workspace holds copies of the bundled maps; the client opens one, edits it, and checks
what an editor would show: diagnostics at the right place, jumps across maps, renames
that reach every file, formatting, hover, completion, outline and quick fixes.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from argmap.config import Settings
from argmap.fmt import format_text
from argmap.lint import lint_loaded
from argmap.loader import load_text
from tests.conftest import BUNDLED

pytestmark = pytest.mark.asyncio(loop_scope="function")


def make_workspace() -> Path:
    root = Path(tempfile.mkdtemp(prefix="argmap-lsp-"))
    (root / "pyproject.toml").write_text('[tool.argmap]\nmaps = "maps"\n')
    (root / "maps").mkdir()
    for path in BUNDLED.glob("*.yaml"):
        shutil.copy(path, root / "maps" / path.name)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(  # type: ignore[untyped-decorator]
    server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest,
                 ) -> AsyncIterator[LanguageClient]:
    root = make_workspace()
    lsp_client.root = root  # type: ignore[attr-defined]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="maps")]))
    yield lsp_client
    await lsp_client.shutdown_session()
    shutil.rmtree(root, ignore_errors=True)


def root_of(client: LanguageClient) -> Path:
    root: Path = client.root  # type: ignore[attr-defined]
    return root


async def open_map(client: LanguageClient, name: str) -> tuple[str, str]:
    path = root_of(client) / "maps" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1,
                                             text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri, text


def at(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of `needle` (plus `offset` characters) in `text`."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[:position.line]) + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_an_unknown_reference_is_reported_where_it_is_typed(
        client: LanguageClient) -> None:
    uri, text = await open_map(client, "qiu")
    assert list(client.diagnostics[uri]) == []
    where = at(text, "attacks: [O1, O2]", len("attacks: [O1, "))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=where, end=types.Position(line=where.line,
                                                              character=where.character + 2)),
            text="O9")]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    found = [d for d in client.diagnostics[uri] if d.code == "AM102"]
    assert len(found) == 1
    assert found[0].range.start == where
    assert found[0].range.end.character == where.character + 2
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert "has no node `O9`" in found[0].message

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found[0].range,
        context=types.CodeActionContext(diagnostics=found)))
    assert actions and isinstance(actions[0], types.CodeAction)
    assert actions[0].edit is not None and actions[0].edit.changes is not None
    fix = actions[0].edit.changes[uri][0]
    assert fix.range == found[0].range and fix.new_text.startswith("O")


async def test_a_file_that_does_not_parse_gets_its_syntax_error(client: LanguageClient) -> None:
    uri, text = await open_map(client, "qiu")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(
            text=text.replace("thesis:\n  id: T", "thesis:\n  id: T\n bad: [", 1))]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["AM001"]


async def test_definition_jumps_into_another_map(client: LanguageClient) -> None:
    uri, text = await open_map(client, "qiu")
    result = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=at(text, "same_as: [arsene:O1", len("same_as: [arsene:O"))))
    assert isinstance(result, types.Location)
    arsene = root_of(client) / "maps" / "arsene.yaml"
    assert result.uri == arsene.as_uri()
    target = arsene.read_text(encoding="utf-8")
    assert result.range.start == at(target, "- id: O1\n", len("- id: "))


async def test_rename_changes_every_reference_in_every_map(client: LanguageClient) -> None:
    uri, text = await open_map(client, "qiu")
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=at(text, "  - id: O1\n", len("  - id: ")), new_name="O1x"))
    assert edit is not None and edit.changes is not None
    folder = root_of(client) / "maps"
    assert set(edit.changes) == {(folder / f"{n}.yaml").as_uri()
                                 for n in ("qiu", "arsene", "he_shen")}
    loaded = []
    for path in sorted(folder.glob("*.yaml")):
        changed = apply(path.read_text(encoding="utf-8"), edit.changes.get(path.as_uri(), []))
        assert "qiu:O1," not in changed and "qiu:O1]" not in changed
        loaded.append(load_text(changed, str(path)))
    qiu = next(r.map for r in loaded if r.map is not None and r.map.id == "qiu")
    assert qiu is not None and "O1x" in qiu.index() and "O1" not in qiu.index()
    result = lint_loaded(loaded, Settings())
    assert [p.code for p in result.problems] == []


async def test_formatting_gives_what_argmap_fmt_gives(client: LanguageClient) -> None:
    uri, formatted = await open_map(client, "arsene")
    # The bundled maps are kept formatted: undo that in the editor, then format.
    text = formatted.replace("source: {section: ", "source: {  section: ")
    assert text != formatted
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert edits
    assert apply(text, edits) == format_text(text, "arsene.yaml") == formatted


async def test_hover_shows_kind_claim_status_and_locator(client: LanguageClient) -> None:
    uri, text = await open_map(client, "qiu")
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=at(text, "  - id: O1\n", len("  - id: "))))
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    shown = result.contents.value
    assert shown.startswith("O1 · objection")
    assert "Status: defeated (attacked by" in shown
    assert "Source: § AI Superpower?, ¶1" in shown


async def test_completion_offers_ids_maps_keys_and_values(client: LanguageClient) -> None:
    uri, text = await open_map(client, "qiu")
    lines = text.split("\n")
    line = next(i for i, row in enumerate(lines) if row.strip() == "attacks: [O1, O2]")
    char = lines[line].index("[") + 1

    async def labels(position: types.Position) -> set[str]:
        result = await client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position))
        assert isinstance(result, types.CompletionList)
        return {item.label for item in result.items}

    offered = await labels(types.Position(line=line, character=char))
    assert {"T", "P1", "O1", "arsene:", "he_shen:"} <= offered
    expect_line = next(i for i, row in enumerate(lines) if row.strip() == "expect: in")
    assert await labels(types.Position(line=expect_line, character=len(lines[expect_line]) - 2)) \
        == {"in", "out", "undecided"}


async def test_outline_and_folding_follow_the_tree(client: LanguageClient) -> None:
    uri, _ = await open_map(client, "qiu")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert symbols and isinstance(symbols[0], types.DocumentSymbol)
    assert symbols[0].name == "T"
    assert symbols[0].children and symbols[0].children[0].name == "P1"
    assert [s.name for s in symbols[1:3]] == ["O1", "O2"]
    ranges = await client.text_document_folding_range_async(types.FoldingRangeParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert ranges and len(ranges) > 50


async def test_a_misspelt_key_gets_a_quick_fix(client: LanguageClient) -> None:
    uri, text = await open_map(client, "he_shen")
    where = at(text, "thesis:\n  id: T\n  claim:", len("thesis:\n  id: T\n  "))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=where, end=types.Position(
                line=where.line, character=where.character + len("claim"))),
            text="clam")]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    found = [d for d in client.diagnostics[uri] if d.code == "AM002"]
    assert len(found) == 1 and found[0].range.start == where
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found[0].range,
        context=types.CodeActionContext(diagnostics=found)))
    assert actions and isinstance(actions[0], types.CodeAction)
    assert actions[0].edit is not None and actions[0].edit.changes is not None
    fix = actions[0].edit.changes[uri][0]
    assert fix.new_text == "claim"
    assert fix.range.start == where and fix.range.end.character == where.character + 4
