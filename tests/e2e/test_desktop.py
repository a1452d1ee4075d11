"""Desktop manners in the real window: a hand-over file handed over by a second
launch on the same data folder (one instance per data folder), the window title
naming the workspace, the window's size restored, and the log file in the
platform's log folder."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Iterator

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, first_run
from harness import app_binary, private_home, stop, tauri_session


@contextlib.contextmanager
def session_bus() -> Iterator[str]:
    """A private D-Bus session bus (what a desktop session has); yields its address."""
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        address = proc.stdout.readline().strip() if proc.stdout else ""
        assert address, "dbus-daemon did not start (is the dbus package installed?)"
        yield address
    finally:
        stop(proc)


def cli(db: Path, user: str | None, *args: str) -> str:
    """The CLI beside the app on the database `db`, signed in as `user`."""
    env = {**os.environ, "CHANNELOPS_DB": str(db), "CHANNELOPS_PASSWORD": PASSWORD}
    if user:
        env["CHANNELOPS_USER"] = user
    done = subprocess.run([str(app_binary().parent / "channelops"), *args], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"channelops {' '.join(args)}: {done.stderr}"
    return done.stdout


RESELLER_DB = "reseller/channelops.db"


def invitation_file(tmp_path: Path) -> tuple[Path, str]:
    """A reseller's invitation for Acme, made with the CLI on the reseller's data
    folder (tmp_path/reseller); returns the file and its activation code."""
    db = tmp_path / RESELLER_DB
    out = tmp_path / "acme.channelops-invitation"
    cli(db, None, "init", "--kind", "reseller", "--name", "Resell One", "--domain", "r1.example", "--admin-email", "rita@r1.example", "--admin-name", "Rita")
    rita = "rita@r1.example"
    cli(db, rita, "customers", "add", "--parent", "Resell One", "--name", "Acme", "--domain", "acme.example", "--contact-name", "Ann", "--contact-email", "ann@acme.example")
    cli(db, rita, "contracts", "add", "Acme", "--start", "2026-11-01", "--plan", "Standard")
    issued = cli(db, rita, "invitation", "issue", "Acme", "--out", str(out))
    code = re.search(r"[A-Z0-9]{5}(?:-[A-Z0-9]{1,5}){2,}", issued)
    assert code, issued
    return out, code.group(0)


def sign_in(d, email: str) -> None:
    wait = WebDriverWait(d, 20)
    wait.until(EC.visibility_of_element_located((By.XPATH, "//label[normalize-space(text())='Email']//input"))).send_keys(email)
    d.find_element(By.XPATH, "//label[normalize-space(text())='Password']//input").send_keys(PASSWORD)
    d.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=signed-in]")))


def window_titles(display: str) -> str:
    return subprocess.run(["xwininfo", "-root", "-tree", "-display", display], capture_output=True, text=True, timeout=20).stdout


def test_a_second_launch_on_the_same_data_folder_hands_its_file_to_the_first(display, tmp_path):
    invitation, _ = invitation_file(tmp_path)
    home = tmp_path / "home"
    with session_bus() as bus:
        overrides = {"CHANNELOPS_DATA_DIR": str(tmp_path / "customer"), "HOME": str(home), "DBUS_SESSION_BUS_ADDRESS": bus}
        with tauri_session(display, overrides) as d:
            first_run(d)
            # The title names the open workspace.
            WebDriverWait(d, 20).until(lambda _: "Resell One — ChannelOps Onboarding" in window_titles(display))

            env = {**os.environ, "DISPLAY": display, **private_home(home), **overrides}
            env.pop("WAYLAND_DISPLAY", None)
            started = time.monotonic()
            second = subprocess.run([str(app_binary()), str(invitation)], env=env, capture_output=True, text=True, timeout=60)
            assert second.returncode == 0, second.stderr[-2000:]
            # It handed the file over and left at once, without a window of its own.
            assert time.monotonic() - started < 30
            notice = WebDriverWait(d, 20).until(
                EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=invitation-while-signed-in]"))
            )
            assert "invitation was opened" in notice.text

            # A copy on another data folder is another instance: it keeps running.
            other = {**env, "CHANNELOPS_DATA_DIR": str(tmp_path / "elsewhere")}
            proc = subprocess.Popen([str(app_binary())], env=other, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                time.sleep(3)
                assert proc.poll() is None, "a copy on another data folder exited"
            finally:
                stop(proc)

    # The app logged to the platform's log folder ($XDG_STATE_HOME/channelops/logs).
    logs = list((home / ".local/state/channelops/logs").glob("channelops.*.log"))
    assert logs
    text = "\n".join(p.read_text() for p in logs)
    assert "a second launch handed over to this window" in text
    assert PASSWORD not in text


def test_the_window_opens_at_the_size_it_was_left(display, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # What tauri-plugin-window-state saved when the window was last closed (kept with the data folder).
    state = {"main": {"width": 1000, "height": 700, "x": 10, "y": 20, "prev_x": 10, "prev_y": 20, "maximized": False, "visible": True, "decorated": True, "fullscreen": False}}
    (data / "window-state.json").write_text(json.dumps(state))
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data)}) as d:
        WebDriverWait(d, 20).until(EC.visibility_of_element_located((By.XPATH, "//h1")))
        size = d.get_window_size()
        assert (size["width"], size["height"]) == (1000, 700), size


def test_a_report_opened_from_the_file_manager_shows_its_import_preview_then_imports(display, tmp_path):
    """The reseller double-clicks a customer's onboarding report: after sign-in the
    Validation page previews it (who signed it, what changes), and Import applies it."""
    invitation, code = invitation_file(tmp_path)
    customer = tmp_path / "customer/channelops.db"
    cli(customer, None, "invitation", "activate", str(invitation), "--code", code)
    ann = "ann@acme.example"
    cli(customer, ann, "accounts", "add", "Acme", "--aws-account-id", "111122223333")
    report = tmp_path / "acme.channelops-report"
    cli(customer, ann, "report", "export", "Acme", "--out", str(report))

    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(tmp_path / "reseller")}, args=[str(report)]) as d:
        sign_in(d, "rita@r1.example")
        preview = WebDriverWait(d, 20).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=report-preview]")))
        assert "From Acme, exported by ann@acme.example" in preview.text
        assert "first report" in d.find_element(By.CSS_SELECTOR, "[data-testid=report-signer]").text
        change = d.find_element(By.CSS_SELECTOR, "[data-testid=report-change]").text
        assert "111122223333" in change and "New here" in change and "Account entered" in change
        d.find_element(By.CSS_SELECTOR, "[data-testid=report-import]").click()
        done = WebDriverWait(d, 20).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=report-imported]")))
        assert "Acme" in done.text
    # Imported into the reseller's database, as the CLI sees it.
    assert "111122223333" in cli(tmp_path / RESELLER_DB, "rita@r1.example", "accounts", "list", "Acme")


def test_a_bundle_opened_from_the_file_manager_is_validated_in_support(display, tmp_path):
    data = tmp_path / "support"
    db = data / "channelops.db"
    cli(db, None, "init", "--kind", "reseller", "--name", "Resell One", "--domain", "r1.example", "--admin-email", "rita@r1.example", "--admin-name", "Rita")
    fixtures = tmp_path / "fixtures"
    cli(db, None, "fixtures", str(fixtures))
    bundle = tmp_path / "acme.channelops-bundle"
    done = subprocess.run(
        [str(app_binary().parent / "channelops"), "--db", str(db), "validate", str(fixtures / "no-resource-ids"), "--bundle-out", str(bundle)],
        capture_output=True, text=True, timeout=120,
    )
    assert bundle.is_file(), done.stderr
    # Support needs no sign-in: the bundle is validated at once on the Support screen.
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data)}, args=[str(bundle)]) as d:
        path = WebDriverWait(d, 20).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=support-path]")))
        assert path.get_attribute("value") == str(bundle)
        invalid = WebDriverWait(d, 60).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=invalid-report]")))
        assert "no-rid: not valid" in invalid.text


def web_process_env(data_dir: Path) -> list[dict[str, str]]:
    """The environment of each WebKit web process of the app started on `data_dir`."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if not (entry / "comm").read_text().startswith("WebKitWebProces"):
                continue
            pairs = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        env = dict(p.decode(errors="replace").split("=", 1) for p in pairs if b"=" in p)
        if env.get("CHANNELOPS_DATA_DIR") == str(data_dir):
            out.append(env)
    return out


def test_the_web_view_renders_without_the_dma_buf_renderer_unless_the_user_chose(display, tmp_path):
    """The shipped default (src-tauri/src/main.rs): WebKitGTK's DMA-BUF renderer is
    off — the page renders, and the web process got WEBKIT_DISABLE_DMABUF_RENDERER=1;
    a value the user set is kept."""
    for given, expected in [(None, "1"), ("0", "0")]:
        data = tmp_path / f"data-{given}"
        with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data), "WEBKIT_DISABLE_DMABUF_RENDERER": given}) as app:
            WebDriverWait(app, 60).until(
                EC.visibility_of_element_located((By.XPATH, "//h1[normalize-space()='Welcome to ChannelOps Onboarding']"))
            )
            choice = app.find_element(By.CSS_SELECTOR, "[data-testid=choose-invitation]")
            assert choice.is_displayed() and choice.size["height"] > 20
            envs = web_process_env(data)
            assert envs, "no WebKit web process of this app found"
            assert [e.get("WEBKIT_DISABLE_DMABUF_RENDERER") for e in envs] == [expected] * len(envs)
