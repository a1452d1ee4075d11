"""The .deb as a user gets it: installed with apt, the app started from its menu
entry under Xvfb (first screen, then with an invitation file as a double-click
passes it), the CLI on the PATH, the logs where the platform keeps them, then the
package removed and the user's data left alone.

Needs the package made first (`bash .ci/package --debug deb`, or a release one)
and root (or password-less sudo) for apt. `.ci/test` does both.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import CACHE, TARGET, tauri_session, xvfb

PACKAGE = "channel-ops-onboarding"
DESKTOP_ENTRY = Path("/usr/share/applications/ChannelOps Onboarding.desktop")
MIME_TYPES = [
    "application/vnd.channelops.invitation+json",
    "application/vnd.channelops.report+json",
    "application/vnd.channelops.bundle+json",
]
PASSWORD = "correct horse battery staple"


def as_root(*cmd: str) -> subprocess.CompletedProcess:
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run([*prefix, *cmd], capture_output=True, text=True, env=env, timeout=600)


def built_package(kind: str) -> Path:
    """The newest package of `kind` made by .ci/package (release preferred over debug)."""
    found = sorted(
        (p for profile in ("release", "debug") for p in (TARGET / profile / "bundle" / kind).glob(f"*.{kind}")),
        key=lambda p: p.stat().st_mtime,
    )
    if not found:
        pytest.fail(f"no .{kind} package: run `bash .ci/package --debug` first")
    return found[-1]


def installed() -> bool:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True)
    return "install ok installed" in out.stdout


@pytest.fixture(scope="module")
def package() -> Iterator[Path]:
    deb = built_package("deb")
    if installed():
        as_root("apt-get", "remove", "-y", PACKAGE)
    result = as_root("apt-get", "install", "-y", "--no-install-recommends", str(deb))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    try:
        yield deb
    finally:
        if installed():
            as_root("apt-get", "remove", "-y", PACKAGE)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with xvfb() as name:
        yield name


def print_sizes(deb: Path) -> None:
    kib = subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True, text=True).stdout.strip()
    print(f"\n.deb {deb.stat().st_size / 2**20:.1f} MiB ({deb.parent.parent.parent.name} build), installed {int(kib) / 1024:.1f} MiB")
    for rpm in (deb.parent.parent / "rpm").glob("*.rpm"):
        print(f".rpm {rpm.stat().st_size / 2**20:.1f} MiB")


def desktop_exec() -> list[str]:
    """The command of the menu entry, as a launcher runs it (Exec's %f is the file)."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP_ENTRY)
    return entry["Desktop Entry"]["Exec"].split()


def test_the_package_installs_the_app_the_cli_the_menu_entry_and_the_file_types(package):
    print_sizes(package)
    for path in ("/usr/bin/channelops-desktop", "/usr/bin/channelops", "/usr/share/mime/packages/com.channelops.onboarding.xml"):
        assert Path(path).is_file(), path
    assert any(Path("/usr/share/icons/hicolor").glob("*/apps/channelops-desktop.png"))
    entry = DESKTOP_ENTRY.read_text()
    assert "Name=ChannelOps Onboarding" in entry
    assert desktop_exec() == ["channelops-desktop", "%f"]
    mime_line = next(line for line in entry.splitlines() if line.startswith("MimeType="))
    assert sorted(mime_line.removeprefix("MimeType=").strip(";").split(";")) == sorted(MIME_TYPES)
    # The CLI is on the PATH.
    cli = shutil.which("channelops")
    assert cli == "/usr/bin/channelops"
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, timeout=30)
    assert version.returncode == 0 and version.stdout.strip().startswith("channelops 0.1"), version


def test_the_installed_app_starts_from_its_menu_entry_and_opens_an_invitation(package, display, tmp_path):
    home = tmp_path / "home"
    app = Path(shutil.which(desktop_exec()[0]) or "")
    assert app == Path("/usr/bin/channelops-desktop")

    # First start, from the menu entry (no file): the first screen.
    with tauri_session(display, {"HOME": str(home), "CHANNELOPS_DATA_DIR": None}, application=app) as d:
        WebDriverWait(d, 30).until(EC.visibility_of_element_located((By.XPATH, "//h1[normalize-space()='Welcome to ChannelOps Onboarding']")))

    # An invitation made with the installed CLI, on another folder (the reseller's).
    reseller = {**os.environ, "CHANNELOPS_DB": str(tmp_path / "reseller.db"), "CHANNELOPS_USER": "rita@r1.example", "CHANNELOPS_PASSWORD": PASSWORD}
    invitation = tmp_path / "acme.channelops-invitation"
    for args in (
        ["init", "--kind", "reseller", "--name", "Resell One", "--domain", "r1.example", "--admin-email", "rita@r1.example", "--admin-name", "Rita"],
        ["customers", "add", "--parent", "Resell One", "--name", "Acme", "--domain", "acme.example", "--contact-name", "Ann", "--contact-email", "ann@acme.example"],
        ["invitation", "issue", "Acme", "--out", str(invitation)],
    ):
        subprocess.run(["channelops", *args], env=reseller, check=True, capture_output=True, timeout=60)

    # A double-click: the entry's command with the file for %f.
    args = [str(invitation) if a == "%f" else a for a in desktop_exec()[1:]]
    with tauri_session(display, {"HOME": str(home), "CHANNELOPS_DATA_DIR": None}, application=app, args=args) as d:
        WebDriverWait(d, 30).until(EC.visibility_of_element_located((By.XPATH, "//h1[normalize-space()='Activate your invitation']")))
        path = d.find_element(By.CSS_SELECTOR, "[data-testid=invitation-path]")
        assert path.get_attribute("value") == str(invitation)

    # The data folder and the logs are where Linux keeps them (XDG).
    data = home / ".local/share/channelops"
    logs = home / ".local/state/channelops/logs"
    assert (data / "channelops.db").is_file() or any(data.iterdir())
    log_files = list(logs.glob("channelops.*.log"))
    assert log_files, f"no log in {logs}"
    assert "opened with a file" in "\n".join(p.read_text() for p in log_files)

    # Removing the package leaves the user's data and logs alone.
    result = as_root("apt-get", "remove", "-y", PACKAGE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not Path("/usr/bin/channelops-desktop").exists()
    assert shutil.which("channelops") is None
    assert data.is_dir() and any(data.iterdir())
    assert log_files[0].is_file()
