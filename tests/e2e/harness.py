"""Starts the real pieces an end-to-end test needs, each on a free display or port,
and stops them afterwards: Xvfb, tauri-driver (with WebKitWebDriver) and the app.

Used by the pytest fixtures in conftest.py and by screenshot.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

REPO = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("CHANNELOPS_CACHE", Path.home() / ".cache" / "channelops"))
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", CACHE / "target"))


def app_binary() -> Path:
    """The built desktop app (debug profile unless CHANNELOPS_APP is set)."""
    explicit = os.environ.get("CHANNELOPS_APP")
    path = Path(explicit) if explicit else TARGET / "debug" / "channelops-desktop"
    if not path.is_file():
        raise RuntimeError(
            f"the app binary {path} does not exist: build it with `cargo build -p channelops-desktop` "
            "(after `npm --prefix ui run build`), or set CHANNELOPS_APP"
        )
    return path


def tauri_driver_binary() -> str:
    found = shutil.which("tauri-driver") or str(CACHE / "tools" / "bin" / "tauri-driver")
    if not Path(found).is_file():
        raise RuntimeError("tauri-driver is not installed: run `bash .ci/setup`")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode} before listening on {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{proc.args[0]} did not listen on port {port} within {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def xvfb(width: int = 1200, height: int = 800) -> Iterator[str]:
    """A private X display; yields its name (":N")."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as r:
            number = r.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start (is the xvfb package installed?)")
        yield f":{number}"
    finally:
        stop(proc)


def private_home(home: Path) -> dict[str, str]:
    """HOME and the XDG folders inside `home`, so that nothing the machine's user (or an
    earlier test) left there — the web view's storage and cache included — reaches the app."""
    runtime = home / ".run"
    for sub in (".local/share", ".config", ".cache", ".local/state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_RUNTIME_DIR": str(runtime),
    }


@contextlib.contextmanager
def tauri_session(
    display: str,
    env_overrides: dict[str, str | None] | None = None,
    args: list[str] | None = None,
    application: Path | None = None,
) -> Iterator[webdriver.Remote]:
    """tauri-driver on free ports, and a WebDriver session on the real app window.
    `env_overrides` sets variables for the app, or removes them (value None).
    The app always runs with a home and XDG folders of its own: the `HOME` given in
    `env_overrides`, else a new empty folder removed afterwards. `args` are the app's
    command-line arguments (a file, as a double-click passes it); `application` is
    the binary (default: the built one, see app_binary)."""
    port, native_port = free_port(), free_port()
    # The app turns WebKitGTK's DMA-BUF renderer off unless this variable is set
    # (src-tauri/src/main.rs). Without it, WebKitWebDriver's screenshots never
    # return under Xvfb, so the tests' windows keep it on; test_desktop.py checks
    # the shipped default, and tests/bench/desktop.py measures it (None: unset).
    overrides = {"WEBKIT_DISABLE_DMABUF_RENDERER": "0", **(env_overrides or {})}
    with contextlib.ExitStack() as cleanup:
        given = overrides.get("HOME")
        home = Path(given) if given else Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="channelops-home-", ignore_cleanup_errors=True)))
        merged = {**os.environ, "DISPLAY": display, **private_home(home), **overrides}
        env = {k: v for k, v in merged.items() if v is not None}
        yield from _session(env, port, native_port, application or app_binary(), args or [])


def _session(env: dict[str, str], port: int, native_port: int, application: Path, args: list[str]) -> Iterator[webdriver.Remote]:
    env.pop("WAYLAND_DISPLAY", None)
    log = tempfile.NamedTemporaryFile(prefix="tauri-driver-", suffix=".log", delete=False)
    driver_proc = subprocess.Popen(
        [tauri_driver_binary(), "--port", str(port), "--native-port", str(native_port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # tauri-driver listens at once but proxies to WebKitWebDriver, which it
        # starts on the native port: a session request before that one is up fails.
        wait_for_port(port, driver_proc)
        wait_for_port(native_port, driver_proc)
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(application), "args": args})
        driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
        try:
            yield driver
        finally:
            driver.quit()
    except Exception:
        log.flush()
        print(Path(log.name).read_text(errors="replace")[-4000:])
        raise
    finally:
        stop(driver_proc)


def answer_file_dialog(display: str, title: str, path: Path, timeout: float = 20.0) -> None:
    """Answers the app's native (GTK) file dialog titled `title` ("Save File",
    "Open File") with `path`, as a user typing it: the dialog is found among the
    X windows and focused; a save dialog's name field is replaced by the full
    path, an open dialog gets it in its location field (Ctrl+L); then Return,
    once GTK's completion of the typed path has settled (again if the dialog is
    still open). Needs `xdotool` (bash .ci/setup)."""
    env = {**os.environ, "DISPLAY": display}
    deadline = time.monotonic() + timeout
    window = ""
    while not window:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"], env=env, capture_output=True, text=True)
        window = found.stdout.split()[0] if found.stdout.split() else ""
        if not window:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no file dialog titled {title!r} appeared")
            time.sleep(0.2)
    select = "ctrl+a" if title.startswith("Save") else "ctrl+l"
    for args in (["windowfocus", "--sync", window], ["key", select], ["type", "--delay", "15", str(path)]):
        subprocess.run(["xdotool", *args], env=env, check=True, timeout=30)
    for _ in range(3):
        time.sleep(1.0)
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True, timeout=30)
        time.sleep(1.0)
        still = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"], env=env, capture_output=True, text=True)
        if not still.stdout.split():
            return
    raise TimeoutError(f"the file dialog {title!r} did not take {path}")
