"""The whole onboarding story in the real app window, against a real AWS emulator.

A reseller Admin adds a customer, assigns a contract and exports the invitation (the
reseller's machine: one data folder). The customer's Admin imports the invitation,
activates it with a new password (the customer's machine: another data folder) and
connects the AWS management account through an AWS profile whose endpoint is the
emulator: pre-flight, CUR settings, bucket and region check, "Open AWS CloudFormation
Console" (the link goes to a stand-in for the system browser), then the stack created
by the app itself after its plan ("Create the stack for me"), its live status, the CUR list with one valid and
one invalid report, Confirm and proceed, insights, Complete — and the Validation page
shows the customer done. The customer saves the onboarding report from Assets (the
native save dialog, answered with xdotool); the reseller imports it from the
Validation page (the native open dialog) after its preview, and sees the customer
done on Validation, valid on Customers, and its AWS account in Assets. A screenshot
is saved at each step.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from aws_world import ACCOUNT, BUCKET, customer_aws, moto_server
from conftest import PASSWORD, SCREENSHOTS, fill_customer_form, first_run
from harness import answer_file_dialog, app_binary, tauri_session


@pytest.fixture
def moto(tmp_path: Path):
    """moto_server on 127.0.0.1 and a free port, as AWS account 111122223333."""
    with moto_server(tmp_path / "moto.log") as endpoint:
        yield endpoint


@pytest.fixture
def aws_world(moto: str, tmp_path: Path):
    """The customer's AWS as the story needs it (aws_world.py): an Admin user with
    AdministratorAccess in the profile `acme-admin`, whose endpoint is the emulator; an
    organization (this is its management account); the CUR bucket in us-east-1 with
    one valid and one invalid legacy CUR, and a bucket in eu-west-1."""
    world = customer_aws(moto, tmp_path / "aws-world", app_binary().parent / "channelops")
    world["secret"] = world["admin"]["secret"]
    return world


@pytest.fixture
def browser_stub(tmp_path: Path) -> tuple[Path, Path]:
    """An `xdg-open` first on PATH that records the links the app opens (in place of
    the user's browser and mail app)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opened = tmp_path / "opened.txt"
    stub = bin_dir / "xdg-open"
    stub.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n')
    stub.chmod(stub.stat().st_mode | stat.S_IEXEC)
    return bin_dir, opened


class Ui:
    """Small helpers over the WebDriver session, and a screenshot per step."""

    def __init__(self, driver, prefix: str, first: int = 0):
        from selenium.webdriver.remote.file_detector import UselessFileDetector

        # Typed paths are text for the app, not files for Selenium to upload.
        driver.file_detector = UselessFileDetector()
        self.d = driver
        self.prefix = prefix
        self.n = first

    def wait(self, timeout: float = 30.0) -> WebDriverWait:
        return WebDriverWait(self.d, timeout)

    def testid(self, name: str, timeout: float = 30.0):
        return self.wait(timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, f"[data-testid={name}]")))

    def button(self, text: str, timeout: float = 30.0):
        return self.wait(timeout).until(EC.element_to_be_clickable((By.XPATH, f"//button[normalize-space()='{text}']")))

    def field(self, label: str):
        return self.wait().until(EC.visibility_of_element_located((By.XPATH, f"//label[normalize-space(text())='{label}']//input")))

    def heading(self, text: str, level: int = 2):
        return self.wait().until(EC.visibility_of_element_located((By.XPATH, f"//h{level}[normalize-space()='{text}']")))

    def text_in(self, testid: str, text: str, timeout: float = 60.0) -> str:
        self.wait(timeout).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"[data-testid={testid}]"), text))
        return self.d.find_element(By.CSS_SELECTOR, f"[data-testid={testid}]").text

    def type(self, element, value: str) -> None:
        element.clear()
        element.send_keys(value)

    def nav(self, name: str) -> None:
        self.d.find_element(By.XPATH, f"//nav//a[normalize-space()='{name}']").click()

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.n += 1
        path = SCREENSHOTS / f"{self.prefix}-{self.n:02d}-{name}.png"
        self.d.save_screenshot(str(path))
        return path


def test_the_whole_onboarding_story_against_the_aws_emulator(display, tmp_path, aws_world, browser_stub):
    invitation = tmp_path / "acme.channelops-invitation"
    report = tmp_path / "acme.channelops-report"
    home = tmp_path / "home"
    home.mkdir()
    bin_dir, opened = browser_stub
    path = f"{bin_dir}:{os.environ['PATH']}"

    # ---- The reseller's machine: Parts 1 and 2, then the invitation. ----
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(tmp_path / "reseller"), "HOME": str(home), "PATH": path}) as d:
        ui = Ui(d, "story")
        first_run(d)
        ui.nav("Customers")
        ui.button("Add customer").click()
        fill_customer_form(d)
        assert ui.testid("confirm-text").text == "Add Acme under Resell One?"
        ui.shot("reseller-adds-customer")
        d.find_element(By.XPATH, "//section//button[normalize-space()='Add customer']").click()
        ui.testid("activation-code")
        ui.button("Done").click()
        ui.button("Assign contract").click()
        ui.field("Plan").send_keys("Standard")
        ui.shot("reseller-assigns-contract")
        d.find_element(By.XPATH, "//form//button[normalize-space()='Assign contract']").click()

        ui.button("Invite").click()
        out = ui.testid("invitation-out")
        # The suggested place: the user's Downloads folder (here none, so home) and a safe name.
        assert out.get_attribute("value") == str(home / "acme.channelops-invitation")
        ui.type(out, str(invitation))
        ui.button("Export invitation").click()
        code = ui.testid("invitation-code").text
        assert re.fullmatch(r"[A-Z0-9-]{20,}", code), code
        assert code in ui.testid("welcome-text").get_attribute("value")
        ui.shot("reseller-exports-invitation")
        assert invitation.is_file()
        ui.button("Send by email…").click()
        WebDriverWait(d, 20).until(lambda _: opened.is_file() and "mailto:ann%40acme.example" in opened.read_text())
        ui.button("Done").click()

    # ---- The customer's machine: activation, then Part 3 against the emulator. ----
    env = {
        "CHANNELOPS_DATA_DIR": str(tmp_path / "customer"),
        "HOME": str(home),
        "PATH": path,
        "AWS_CONFIG_FILE": str(aws_world["config"]),
        "AWS_SHARED_CREDENTIALS_FILE": str(aws_world["credentials"]),
    }
    for k in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_REGION"):
        env[k] = None
    # The customer double-clicks the invitation file: the app starts with it as its
    # argument, on the invitation's activation with the file filled in.
    with tauri_session(display, env, args=[str(invitation)]) as d:
        ui = Ui(d, "story", first=ui.n)
        ui.heading("Activate your invitation", level=1)
        assert ui.testid("invitation-path").get_attribute("value") == str(invitation)
        ui.type(ui.testid("activation-code"), code.lower().replace("-", " "))
        ui.type(ui.testid("auth-password"), PASSWORD)
        ui.type(ui.testid("auth-confirm"), PASSWORD)
        ui.shot("customer-activates")
        ui.button("Activate and sign in").click()
        assert ui.text_in("signed-in", "Ann · Acme")

        # Home → "Connect your AWS Management Account" → Review.
        ui.button("Connect").click()
        ui.heading("Review")
        ui.button("Next").click()
        Select(ui.testid("aws-profile")).select_by_value("acme-admin")
        ui.type(ui.testid("aws-account-id"), ACCOUNT)
        ui.button("Check permissions").click()
        verdict = ui.text_in("preflight-verdict", "Ready", timeout=90)
        assert verdict.startswith("Ready"), verdict
        assert "user/ann" in ui.testid("preflight").text
        ui.shot("customer-preflight")
        ui.button("Next").click()
        ui.heading("Cost and Usage Report")
        ui.shot("customer-cur-settings")
        ui.button("Next").click()

        # The bucket: one in eu-west-1 is refused with the fix, the us-east-1 one passes.
        ui.type(ui.testid("bucket-name"), "acme-cur-eu")
        ui.button("Check bucket").click()
        assert "eu-west-1" in ui.text_in("bucket-status", "eu-west-1")
        ui.type(ui.testid("bucket-name"), BUCKET)
        ui.button("Check bucket").click()
        ui.text_in("bucket-status", "us-east-1")
        ui.shot("customer-bucket")
        ui.button("Next").click()

        # "Open AWS CloudFormation Console" still hands the quick-create link to the
        # browser (the stub) and starts watching; the user then lets the app create
        # the stack: its plan first (what the template creates), then "Create the stack".
        ui.button("Open AWS CloudFormation Console").click()
        WebDriverWait(d, 20).until(lambda _: opened.is_file() and "quickcreate" in opened.read_text())
        link = opened.read_text().splitlines()[-1]
        assert link.startswith("https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?")
        assert f"param_CurBucketName={BUCKET}" in link
        ui.text_in("stack-status", "Not created yet")
        ui.shot("customer-stack-waiting")
        ui.testid("create-stack-plan").click()
        plan = ui.text_in("plan", "AWS::IAM::Role", timeout=60)
        assert "CAPABILITY_NAMED_IAM" in plan, plan
        assert BUCKET in ui.testid("stack-parameters").text
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", ui.testid("plan"))
        ui.shot("customer-stack-plan")
        ui.testid("create-stack-confirm").click()
        assert "cloudformation:CreateStack" in ui.text_in("applied", "cloudformation:CreateStack", timeout=60)
        status = ui.text_in("stack-status", "CREATE_COMPLETE", timeout=90)
        assert "ChannelOpsCurReader" in status, status
        ui.shot("customer-stack-created")
        ui.testid("stack-next").click()

        # The CUR list: the valid report chosen (the only one), the invalid one explained.
        ui.heading("CUR files")
        invalid = ui.testid("invalid-report", timeout=90)
        assert "no-rid: not valid" in invalid.text
        assert "resource" in invalid.text.lower()
        radios = d.find_elements(By.CSS_SELECTOR, "[data-testid=verdict] input[type=radio]")
        assert [r.get_attribute("value") for r in radios] == ["cur-parquet"]
        assert radios[0].is_selected()
        ui.shot("customer-cur-list")
        ui.button("Refresh").click()
        # Confirm is enabled again once the new validation has answered.
        ui.wait(90).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=confirm-cur]"))).click()

        # Insights with their live status, then Complete.
        ui.heading("Insights")
        WebDriverWait(d, 90).until(lambda _: len(d.find_elements(By.CSS_SELECTOR, "[data-testid=insight]")) == 3)
        ui.shot("customer-insights")
        ui.testid("complete").click()
        assert ACCOUNT in ui.testid("connect-done").text
        ui.shot("customer-done")
        ui.button("Review onboarding progress").click()
        assert ui.text_in("done", "Acme")
        ui.shot("customer-validation-done")

        # The onboarding report for the reseller: Assets → "Save onboarding report as…",
        # answered in the native save dialog.
        ui.nav("Assets")
        ui.testid("save-report").click()
        answer_file_dialog(display, "Save File", report)
        assert str(report) in ui.testid("report-saved").text
        ui.shot("customer-saves-report")
    assert report.is_file()

    # ---- The reseller's machine again: the report imported in the window. ----
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(tmp_path / "reseller"), "HOME": str(home), "PATH": path}) as d:
        ui = Ui(d, "story", first=ui.n)
        ui.type(ui.testid("auth-email"), "rita@r1.example")
        ui.type(ui.testid("auth-password"), PASSWORD)
        ui.button("Sign in").click()
        ui.testid("signed-in")
        ui.nav("Validation")
        assert "Acme" in ui.text_in("blocker", "Send the invitation")
        ui.testid("import-report").click()
        answer_file_dialog(display, "Open File", report)
        assert "Acme" in ui.testid("report-preview").text
        assert ACCOUNT in ui.testid("report-change").text
        assert "first report" in ui.testid("report-signer").text
        ui.shot("reseller-report-preview")
        ui.testid("report-import").click()
        ui.text_in("report-imported", "Acme")
        assert ui.text_in("done", "Acme")
        ui.nav("Customers")
        row = ui.text_in("customer-row", "Acme")
        assert "Valid" in row, row
        ui.nav("Assets")
        account = ui.text_in("customer-aws-account", ACCOUNT)
        assert "Acme" in account and "Connected" in account and "Valid" in account, account
        ui.shot("reseller-assets")

    # Nothing secret reached the customer's database or the exported invitation.
    import sqlite3

    db = sqlite3.connect(tmp_path / "customer" / "channelops.db")
    try:
        dump = "\n".join(db.iterdump())
    finally:
        db.close()
    assert aws_world["secret"] not in dump
    assert code not in dump
    assert "'completed'" in dump

    # Both machines logged to the platform's log folder ($XDG_STATE_HOME), and no
    # password, activation code or AWS credential is in any log line.
    logs = sorted((home / ".local/state/channelops/logs").glob("channelops.*.log"))
    assert logs, "no log file in the platform's log folder"
    text = "\n".join(p.read_text(errors="replace") for p in logs)
    assert text.count("ChannelOps started") >= 2, text[:2000]
    assert "opened with a file" in text
    for secret in (PASSWORD, code, code.replace("-", ""), code.lower().replace("-", " "), aws_world["secret"], aws_world["admin"]["key"]):
        assert secret not in text, f"a secret is in the log: {secret[:4]}…"
