from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from harness import tauri_session, xvfb

SCREENSHOTS = Path(os.environ.get("CHANNELOPS_SCREENSHOTS", Path(__file__).resolve().parent / "screenshots"))


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    with xvfb() as name:
        yield name


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "app-data"


@pytest.fixture
def app(display: str, data_dir: Path):
    """The real app in a real window, with its own empty data folder."""
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data_dir)}) as driver:
        yield driver


@pytest.fixture
def shot(app, request):
    """Saves a screenshot of the app window: shot("name")."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        app.save_screenshot(str(path))
        return path

    return take
