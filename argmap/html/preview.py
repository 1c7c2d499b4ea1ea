"""`argmap preview`: serve a map's page on 127.0.0.1 and redraw it on every save.

The page (built with `live`) listens to `/events` (server-sent events) and, on each new
version, fetches `/state`: the new drawing and data, or the findings of a save that does
not load, shown above the last good drawing. watchfiles watches the map's folder and the
maps folders a cross-map reference can reach, so saving a linked map redraws too.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from argmap.config import Settings
from argmap.loader import MAP_SUFFIXES

#: Seconds between keep-alive comments on an idle event stream.
KEEPALIVE = 15.0


@dataclass
class Version:
    number: int
    svg: str
    data: dict[str, Any]
    findings: str | None


class Preview:
    """The latest good drawing of one map, and whatever the latest save got wrong."""

    def __init__(self, path: Path, settings: Settings) -> None:
        self.path = path
        self.settings = settings
        self.changed = threading.Condition()
        self.version = Version(0, '<svg id="drawing" xmlns="http://www.w3.org/2000/svg"></svg>',
                               {"map": {"id": "", "title": str(path), "byline": "",
                                        "summary": None}, "roots": [], "nodes": []}, None)
        self.refresh()

    def refresh(self) -> None:
        svg, data, findings = self._build()
        with self.changed:
            last = self.version
            if findings is None:
                assert svg is not None and data is not None
                self.version = Version(last.number + 1, svg, data, None)
            else:
                self.version = Version(last.number + 1, last.svg, last.data, findings)
            self.changed.notify_all()

    def _build(self) -> tuple[str | None, dict[str, Any] | None, str | None]:
        from argmap.html.build import draw_svg, map_parts
        from argmap.loader import load_file
        from argmap.names import loadable_maps
        from argmap.problem import ArgmapError
        from argmap.renderers.dot import to_dot

        try:
            loaded = load_file(self.path)
            if loaded.map is None:
                return None, None, _findings(loaded.problems)
            amap = loaded.map
            parts = map_parts(amap, loadable_maps(self.settings, skip=[self.path]),
                              linker=lambda map_id, node_id: None, index_href=None,
                              live=True, svg=draw_svg(to_dot(amap)))
        except ArgmapError as exc:
            return None, None, f"{exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else "")
        return parts.svg, parts.data, None

    def page(self) -> str:
        from argmap.html.page import PageParts, render_page

        version = self.version
        data = dict(version.data, findings=version.findings, version=version.number)
        return render_page(PageParts(title=data["map"]["title"], byline=data["map"]["byline"],
                                     svg=version.svg, data=data, live=True))

    def state(self) -> dict[str, Any]:
        version = self.version
        return {"version": version.number, "svg": version.svg, "data": version.data,
                "findings": version.findings}

    def wait(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version.number != seen, timeout)
            return self.version.number

    def watched(self) -> list[Path]:
        from argmap.names import search_dirs

        folders = {self.path.resolve().parent}
        folders.update(folder.resolve() for folder, _ in search_dirs(self.settings))
        return sorted(folders)


def _findings(problems: Any) -> str:
    lines = []
    for problem in problems:
        lines.append(f"{problem.span}: {problem.severity} {problem.code}: {problem.message}")
        if problem.hint:
            lines.append(f"    hint: {problem.hint}")
    return "The last save does not load; showing the last good drawing.\n" + "\n".join(lines)


def _handler(preview: Preview, stopping: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = self.path.split("?", 1)[0]
            if route == "/":
                self._send(preview.page().encode(), "text/html; charset=utf-8")
            elif route == "/state":
                self._send(json.dumps(preview.state(), ensure_ascii=False).encode(),
                           "application/json")
            elif route == "/events":
                self._events()
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = preview.version.number
            try:
                while not stopping.is_set():
                    now = preview.wait(seen, KEEPALIVE)
                    if now != seen:
                        seen = now
                        self.wfile.write(f"event: update\ndata: {now}\n\n".encode())
                    else:
                        self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args: Any) -> None:
            return  # a request log would bury the messages that matter

    return Handler


def serve(path: Path, settings: Settings, port: int, announce: Callable[[str], object]) -> None:
    """Serve until Ctrl-C; `announce` is told the address once the port is open."""
    preview = Preview(path, settings)
    stopping = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(preview, stopping))
    server.daemon_threads = True
    # Loaded before the address is announced, so that a save made right after it is
    # seen rather than lost while the watcher's thread is still importing it.
    import watchfiles  # noqa: F401

    watcher = threading.Thread(target=_watch, args=(preview, stopping), daemon=True)
    watcher.start()
    announce(f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        with preview.changed:
            preview.changed.notify_all()
        server.server_close()


def _watch(preview: Preview, stopping: threading.Event) -> None:
    from watchfiles import watch

    target = preview.path.resolve()

    def relevant(_change: object, name: str) -> bool:
        path = Path(name)
        return path == target or path.suffix in MAP_SUFFIXES

    for _changes in watch(*preview.watched(), watch_filter=relevant, stop_event=stopping,
                          recursive=False, debounce=200, raise_interrupt=False):
        preview.refresh()
