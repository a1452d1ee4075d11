"""End-to-end tests of the real desktop app: the built binary in a real window
under Xvfb, driven through tauri-driver and WebKitWebDriver."""

from __future__ import annotations

import json

import re
import tomllib

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, fill_customer_form, first_run
from harness import REPO


def workspace_version() -> str:
    with open(REPO / "Cargo.toml", "rb") as f:
        return tomllib.load(f)["workspace"]["package"]["version"]


def wait(driver, timeout: float = 20.0) -> WebDriverWait:
    return WebDriverWait(driver, timeout)


def test_first_run_then_home_in_the_real_window(app, shot, data_dir):
    assert app.title == "ChannelOps Onboarding"
    # A fresh install asks who you are, the invitation first.
    wait(app).until(EC.visibility_of_element_located((By.XPATH, "//h1[normalize-space()='Welcome to ChannelOps Onboarding']")))
    choices = [b.get_attribute("data-testid") for b in app.find_elements(By.CSS_SELECTOR, "[data-testid^=choose-]")]
    assert choices == ["choose-invitation", "choose-setup", "choose-support"], choices
    shot("first-run")
    first_run(app)
    # The workspace is in a real SQLite file in the data folder given to the process.
    assert (data_dir / "channelops.db").is_file()
    heading = wait(app).until(
        EC.visibility_of_element_located((By.XPATH, "//h2[normalize-space()='Connect your AWS Management Account']"))
    )
    assert heading.is_displayed()
    nav_links = [a.text for a in app.find_elements(By.CSS_SELECTOR, "nav[aria-label='Main'] a")]
    assert nav_links == ["Home", "Customers", "Assets", "Validation", "Support"]
    shot("home")


def test_app_info_round_trips_through_rust(signed_in, data_dir):
    app = signed_in
    """The status bar shows what the Rust command answered: the workspace version and
    the data folder given to this process only through its environment. The mock
    backend knows neither, so this can pass only over real IPC."""
    version = wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]")))
    assert version.text == f"Version {workspace_version()}"
    shown = app.find_element(By.CSS_SELECTOR, "[data-testid=data-dir]").text
    assert shown == f"Data folder: {data_dir}"
    # The core created the folder it reported.
    assert data_dir.is_dir()


def test_navigation_by_keyboard_in_the_real_window(signed_in, shot):
    app = signed_in
    wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]")))
    validation = app.find_element(By.XPATH, "//nav//a[normalize-space()='Validation']")
    validation.send_keys(Keys.ENTER)
    wait(app).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Validation"))
    assert re.search(r"#/validation$", app.current_url)
    assert app.switch_to.active_element.tag_name == "main"
    shot("validation")


def test_capability_allows_only_the_app_commands(signed_in):
    """The web view may call the app's own commands and listen to its events, and
    nothing else of Tauri's core or plugins (here: emitting events, paths)."""
    app = signed_in
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


def test_parts_1_and_2_through_the_rust_backend(signed_in, shot, data_dir):
    """A reseller Admin adds a customer (Part 1), sees the one-time activation code,
    assigns a contract (Part 2), and the Validation page moves the customer to Part 3
    — every step through the real commands into the real database."""
    import sqlite3
    from selenium.webdriver.support.ui import Select

    app = signed_in
    app.find_element(By.XPATH, "//nav//a[normalize-space()='Customers']").click()
    app.find_element(By.XPATH, "//button[normalize-space()='Add customer']").click()
    # A reseller's own workspace is the only parent: chosen, and shown for confirmation.
    parent = Select(wait(app).until(EC.visibility_of_element_located((By.XPATH, "//label[normalize-space(text())='Parent reseller']//select"))))
    assert parent.first_selected_option.text == "Resell One"
    fill_customer_form(app)
    confirm = wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=confirm-text]")))
    assert confirm.text == "Add Acme under Resell One?"
    shot("part1-confirm")
    app.find_element(By.XPATH, "//section//button[normalize-space()='Add customer']").click()
    code = wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=activation-code]"))).text
    assert re.fullmatch(r"[A-Z0-9-]{20,}", code), code
    shot("part1-code")
    app.find_element(By.XPATH, "//button[normalize-space()='Done']").click()

    # Part 2 from the customer's row.
    wait(app).until(EC.element_to_be_clickable((By.XPATH, "//div[@data-testid='customer-row'][.//*[@role='rowheader'][normalize-space()='Acme']]//button[normalize-space()='Assign contract']"))).click()
    app.find_element(By.XPATH, "//label[normalize-space(text())='Plan']//input").send_keys("Standard")
    app.find_element(By.XPATH, "//form//button[normalize-space()='Assign contract']").click()
    wait(app).until(EC.invisibility_of_element_located((By.XPATH, "//h2[starts-with(normalize-space(), 'Assign a contract')]")))

    app.find_element(By.XPATH, "//nav//a[normalize-space()='Validation']").click()
    card = wait(app).until(EC.visibility_of_element_located((By.XPATH, "//section[@data-testid='blocker'][.//h2[contains(., 'Acme')]]")))
    assert "Part 3" in card.text, card.text
    shot("validation-part3")

    # In the database: the customer, its active contract — and the code only as a hash.
    db = sqlite3.connect(data_dir / "channelops.db")
    try:
        assert db.execute("SELECT count(*) FROM orgs WHERE name = 'Acme' AND kind = 'customer'").fetchone() == (1,)
        assert db.execute("SELECT status FROM contracts").fetchall() == [("active",)]
        for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for row in db.execute(f"SELECT * FROM {table}").fetchall():
                assert code not in " ".join(map(str, row)), f"the activation code is stored in clear in {table}"
    finally:
        db.close()


def test_support_mode_validates_a_folder_and_its_bundle_gives_the_same_verdict(signed_in, shot, tmp_path):
    """Support mode in the real window: a generated copy of a bucket validated through
    Rust with the verdict view; its diagnostic bundle saved (the command the "Export
    diagnostic bundle" button calls with the path the native dialog returns) and
    validated in turn, giving the same verdict."""
    import subprocess

    from selenium.webdriver.remote.file_detector import UselessFileDetector

    from harness import app_binary

    app = signed_in
    app.file_detector = UselessFileDetector()
    fixtures = tmp_path / "fixtures"
    subprocess.run([str(app_binary().parent / "channelops"), "fixtures", str(fixtures)], check=True, stdout=subprocess.DEVNULL)
    app.find_element(By.XPATH, "//nav//a[normalize-space()='Support']").click()
    path = wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=support-path]")))
    path.send_keys(str(fixtures / "no-resource-ids"))
    app.find_element(By.XPATH, "//button[normalize-space()='Validate']").click()
    invalid = wait(app, 60).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=invalid-report]")))
    assert "no-rid: not valid" in invalid.text
    first = app.find_element(By.CSS_SELECTOR, "[data-testid=verdict]").text
    shot("support-verdict")

    # With "add the end of this computer's app log" ticked.
    bundle = tmp_path / "validation.channelops-bundle"
    saved = app.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.__TAURI_INTERNALS__.invoke('export_bundle', { path: arguments[0], withLog: true }).then(() => done('ok'), (e) => done(JSON.stringify(e)));",
        str(bundle),
    )
    assert saved == "ok", saved
    assert bundle.is_file()
    text = bundle.read_text()
    assert "aws_secret_access_key" not in text.lower()
    log = json.loads(text)["payload"]["log"]
    assert log["name"].startswith("channelops.") and "ChannelOps started" in log["text"], log["name"]

    path.clear()
    path.send_keys(str(bundle))
    app.find_element(By.XPATH, "//button[normalize-space()='Validate']").click()
    wait(app, 60).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-testid=verdict]"), "bundle"))
    again = app.find_element(By.CSS_SELECTOR, "[data-testid=verdict]").text
    # Same reports and checks; only the "Source:" line names the bundle instead.
    strip = lambda t: "\n".join(line for line in t.splitlines() if not line.startswith("Source:"))
    assert strip(again) == strip(first)


def test_crafted_files_get_a_clear_answer_and_the_window_survives(signed_in, shot, tmp_path):
    """The adversarial corpus (generated by `channelops fixtures --hostile`) opened in
    Support in the real window: a bucket holding a Parquet file whose schema nests
    100 000 levels next to a valid report, and crafted diagnostic bundles. Each gets
    its failed check or clear error; the valid report is still judged valid; the
    app keeps answering after every one."""
    import subprocess

    from selenium.webdriver.remote.file_detector import UselessFileDetector

    from harness import app_binary

    app = signed_in
    app.file_detector = UselessFileDetector()
    corpus = tmp_path / "hostile"
    subprocess.run(
        [str(app_binary().parent / "channelops"), "fixtures", "--hostile", str(corpus)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    app.find_element(By.XPATH, "//nav//a[normalize-space()='Support']").click()
    path = wait(app).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=support-path]")))

    def validate(target):
        path.clear()
        path.send_keys(str(target))
        app.find_element(By.XPATH, "//button[normalize-space()='Validate']").click()

    validate(corpus / "folders" / "bucket-with-a-deep-schema")
    verdict = wait(app, 60).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=verdict]")))
    wait(app, 60).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-testid=verdict]"), "elements, more than"))
    assert "good" in verdict.text
    invalid = app.find_element(By.CSS_SELECTOR, "[data-testid=invalid-report]").text
    assert "bad" in invalid, invalid
    shot("hostile-deep-schema")

    for name, expected in [
        ("deep.bundle.json", "not a ChannelOps hand-over file"),
        ("eight-million-numbers.bundle.json", "signature does not match"),
        ("traversal-key.bundle.json", "unsafe object key"),
    ]:
        validate(corpus / "bundles" / name)
        alert = wait(app, 60).until(
            EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=alert]"), expected)
        )
        assert alert, name
    shot("hostile-bundle-refused")
    # Still alive: the Rust side answers a command.
    version = app.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.__TAURI_INTERNALS__.invoke('app_info').then((i) => done(i.version), (e) => done(JSON.stringify(e)));"
    )
    assert version == workspace_version()


def test_language_choice_lives_in_the_data_folder(display, tmp_path):
    """The language chosen in the window is saved in the data folder: a new start on
    the same data folder (with a new, empty home) shows Japanese at once; another
    data folder starts in the system's language, whatever was chosen elsewhere."""
    from selenium.webdriver.support.ui import Select

    from harness import tauri_session

    data = tmp_path / "data"
    japanese = "//h1[normalize-space()='ChannelOps オンボーディングへようこそ']"
    english = "//h1[normalize-space()='Welcome to ChannelOps Onboarding']"
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data), "LANG": "C.UTF-8"}) as app:
        wait(app).until(EC.visibility_of_element_located((By.XPATH, english)))
        Select(app.find_element(By.CSS_SELECTOR, "[data-testid=language]")).select_by_value("ja")
        wait(app).until(EC.visibility_of_element_located((By.XPATH, japanese)))
        wait(app).until(lambda _: (data / "preferences.json").is_file())
    assert '"ja"' in (data / "preferences.json").read_text()

    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data), "LANG": "C.UTF-8"}) as app:
        wait(app).until(EC.visibility_of_element_located((By.XPATH, japanese)))

    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(tmp_path / "other"), "LANG": "C.UTF-8"}) as app:
        wait(app).until(EC.visibility_of_element_located((By.XPATH, english)))
