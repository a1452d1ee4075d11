"""End-to-end tests of the real desktop app: the built binary in a real window
under Xvfb, driven through tauri-driver and WebKitWebDriver."""

from __future__ import annotations

import re
import tomllib

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import REPO


def workspace_version() -> str:
    with open(REPO / "Cargo.toml", "rb") as f:
        return tomllib.load(f)["workspace"]["package"]["version"]


def wait(driver, timeout: float = 20.0) -> WebDriverWait:
    return WebDriverWait(driver, timeout)


def test_first_screen_renders_in_the_real_window(app, shot):
    assert app.title == "ChannelOps Onboarding"
    heading = wait(app).until(
        EC.visibility_of_element_located((By.XPATH, "//h2[normalize-space()='Connect your AWS Management Account']"))
    )
    assert heading.is_displayed()
    nav_links = [a.text for a in app.find_elements(By.CSS_SELECTOR, "nav[aria-label='Main'] a")]
    assert nav_links == ["Home", "Customers", "Assets", "Validation"]
    shot("home")


def test_app_info_round_trips_through_rust(app, data_dir):
    """The status bar shows what the Rust command answered: the workspace version and
    the data folder given to this process only through its environment. The mock
    backend knows neither, so this can pass only over real IPC."""
    version = wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]")))
    assert version.text == f"Version {workspace_version()}"
    shown = app.find_element(By.CSS_SELECTOR, "[data-testid=data-dir]").text
    assert shown == f"Data folder: {data_dir}"
    # The core created the folder it reported.
    assert data_dir.is_dir()


def test_navigation_by_keyboard_in_the_real_window(app, shot):
    wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]")))
    validation = app.find_element(By.XPATH, "//nav//a[normalize-space()='Validation']")
    validation.send_keys(Keys.ENTER)
    wait(app).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Validation"))
    assert re.search(r"#/validation$", app.current_url)
    assert app.switch_to.active_element.tag_name == "main"
    shot("validation")


def test_capability_allows_only_the_app_commands(app):
    """The web view may call the app's own commands, and nothing of Tauri's core or
    plugins that the capability does not grant (here: the event system)."""
    wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]")))
    script = """
      const done = arguments[arguments.length - 1];
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const settle = (p) => p.then((v) => ({ ok: true, v }), (e) => ({ ok: false, e: String(e) }));
      Promise.all([
        settle(invoke('app_info')),
        settle(invoke('plugin:event|emit', { event: 'x', payload: null })),
        settle(invoke('plugin:path|resolve_directory', { directory: 1 })),
      ]).then(done);
    """
    own, event, path = app.execute_async_script(script)
    assert own["ok"], own
    assert not event["ok"] and "not allowed" in event["e"], event
    assert not path["ok"] and "not allowed" in path["e"], path
