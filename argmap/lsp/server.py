"""`argmap lsp`: the language server over standard input and output, built on pygls.

Handlers only route: loading, linting and every answer live in `argmap.lsp.project`,
`features`, `completion` and `outline`. Diagnostics are published on open and save at
once, and while typing after a short pause, so a burst of keystrokes costs one lint.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from argmap import __version__
from argmap.config import Settings, load_settings
from argmap.lsp import completion, features, outline
from argmap.lsp.positions import Lines
from argmap.lsp.project import Document, Project
from argmap.problem import ArgmapError

#: Seconds without a change before a document is linted again: long enough to take in
#: the changes already waiting (a burst of keystrokes costs one lint), short enough to
#: keep diagnostics for a 1,000-node map within 100 ms.
DEBOUNCE = 0.02


class ArgmapServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("argmap", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.project = Project(None, Settings())
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.settings_error: str | None = None

    def path(self, uri: str) -> str:
        return to_fs_path(uri) or uri

    def document(self, uri: str) -> Document:
        """The document as the editor has it now (loaded again if it changed)."""
        text = self.workspace.get_text_document(uri).source
        path = self.path(uri)
        current = self.project.open.get(path)
        if current is not None and current.text == text:
            return current
        return self.project.update(path, text)

    def publish(self, uri: str) -> None:
        document = self.document(uri)
        try:
            found = features.diagnostics(self.project, document)
        except Exception as exc:  # a bug of ours must not end the session
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"argmap: lint failed: {exc!r}"))
            found = []
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    def schedule(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._later(uri))

    async def _later(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE)
        self.pending.pop(uri, None)
        if uri not in self.workspace.text_documents:
            return
        self.publish(uri)
        # Other open maps may refer to this one: their references are checked again too.
        for other in list(self.workspace.text_documents):
            if other != uri and other not in self.pending:
                self.publish(other)


server = ArgmapServer()


@server.feature(types.INITIALIZED)
def initialized(ls: ArgmapServer, params: types.InitializedParams) -> None:
    root = Path(ls.workspace.root_path) if ls.workspace.root_path else None
    try:
        settings = load_settings(root)
    except ArgmapError as exc:
        settings = Settings()
        ls.window_show_message(types.ShowMessageParams(
            type=types.MessageType.Warning, message=f"argmap: {exc.message}"))
    ls.project = Project(root, settings)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.project.close(ls.path(params.text_document.uri))
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
    return features.hover(ls.project, ls.document(params.text_document.uri), params.position)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
    return features.definition(ls.project, ls.document(params.text_document.uri),
                               params.position)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
    return features.references(ls.project, ls.document(params.text_document.uri),
                               params.position, params.context.include_declaration)


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    return features.rename(ls.project, ls.document(params.text_document.uri),
                           params.position, params.new_name)


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=["[", ",", " ", ":"]))
def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
    items = completion.complete(ls.project, ls.document(params.text_document.uri),
                                params.position)
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: ArgmapServer,
                     params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    document = ls.document(params.text_document.uri)
    amap = document.map
    return outline.symbols(amap, Lines(document.text)) if amap is not None else []


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
def folding(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
    document = ls.document(params.text_document.uri)
    amap = document.loaded.map
    return outline.folding(amap, Lines(document.text)) if amap is not None else []


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return features.code_actions(ls.document(params.text_document.uri), params)


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: ArgmapServer,
               params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
    return features.formatting(ls.document(params.text_document.uri))


def serve(**options: Any) -> None:
    server.start_io(**options)
