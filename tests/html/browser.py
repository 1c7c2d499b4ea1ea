"""Headless Chromium driven by Playwright, for the page tests: the system's browser
(Debian's `chromium`, installed by `make install`), never one Playwright downloads."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
#: The flags a closed network needs: no background requests of the browser's own.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-quic"]


def chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium on this machine: `make install` installs it")


@dataclass
class Watched:
    """A page, with what it logged and every request it made."""

    page: Any
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), headless=True,
                                              args=FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def watch(page: Any) -> Watched:
    watched = Watched(page)
    page.on("console", lambda message: watched.console.append(
        f"{message.type}: {message.text}") if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: watched.console.append(f"pageerror: {error}"))
    page.on("request", lambda request: watched.requests.append(request.url))
    return watched


def settled(page: Any, expression: str, timeout: float = 10.0) -> Any:
    """The value of `expression` once two reads an animation frame apart agree.

    svg-pan-zoom applies a new zoom or pan on the next animation frame, so a read right
    after a click can still see the old matrix."""
    deadline = time.monotonic() + timeout
    value = page.evaluate(expression)
    while True:
        page.wait_for_timeout(50)
        again = page.evaluate(expression)
        if again == value or time.monotonic() > deadline:
            return again
        value = again
