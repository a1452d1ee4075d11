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


PASSWORD = "correct horse battery staple"


def first_run(driver, kind: str = "reseller") -> None:
    """Creates the workspace and its first Admin through the real window (and so
    through the Rust commands into a real SQLite file)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(driver, 20)
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=choose-setup]"))).click()
    wait.until(EC.visibility_of_element_located((By.XPATH, "//h1[normalize-space()='Set up your workspace']")))
    Select(driver.find_element(By.CSS_SELECTOR, "[data-testid=workspace-kind]")).select_by_value(kind)
    fields = {
        "Company name": "Resell One",
        "Company domain": "r1.example",
        "Your name": "Rita",
        "Email": "rita@r1.example",
        "Password": PASSWORD,
        "Confirm password": PASSWORD,
    }
    for label, value in fields.items():
        driver.find_element(By.XPATH, f"//label[normalize-space(text())='{label}']//input").send_keys(value)
    driver.find_element(By.XPATH, "//button[normalize-space()='Create workspace']").click()
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]")))


ACME = {
    "Customer name": "Acme",
    "Customer domain": "acme.example",
    "Admin contact name": "Ann",
    "Admin contact email": "ann@acme.example",
}


def fill_customer_form(driver) -> None:
    """Part 1's form for Acme (Admin: Ann), then "Review"."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    for label, value in ACME.items():
        field = WebDriverWait(driver, 20).until(
            EC.visibility_of_element_located((By.XPATH, f"//label[normalize-space(text())='{label}']//input"))
        )
        field.send_keys(value)
    driver.find_element(By.XPATH, "//button[normalize-space()='Review']").click()


@pytest.fixture
def signed_in(app):
    """The real app after its first run: a reseller workspace, its Admin signed in."""
    first_run(app)
    return app


@pytest.fixture
def shot(app, request):
    """Saves a screenshot of the app window: shot("name")."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        app.save_screenshot(str(path))
        return path

    return take
