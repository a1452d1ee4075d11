"""Figures of the desktop app as installed (a bench, not a test: it prints, it
asserts nothing): installed size, cold start to the first screen under Xvfb, and
the idle memory of the app with its WebKit processes, on an empty workspace and
on a distributor workspace of 20 resellers and 10 000 customers.

    python tests/bench/desktop.py [--app PATH] [--customers N]

The app is the installed one (/usr/bin/channelops-desktop) if there is one, else
the release build, else the debug build; the CLI beside it seeds the workspace.
Needs Xvfb and tauri-driver (`bash .ci/setup`). "Cold" drops the page cache
first when run as root; otherwise the start is warm, and it says so.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from harness import TARGET, tauri_session, xvfb  # noqa: E402

PASSWORD = "correct horse battery staple"
ADMIN = "dee@dist.example"


def pick_app(explicit: str | None) -> Path:
    for candidate in (explicit, "/usr/bin/channelops-desktop", TARGET / "release/channelops-desktop", TARGET / "debug/channelops-desktop"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    sys.exit("no app binary: build it (bash .ci/package) or install the .deb")


def installed_size(app: Path) -> str:
    if str(app).startswith("/usr/bin/"):
        kib = subprocess.run(["dpkg-query", "-W", "-f=${Installed-Size}", "channel-ops-onboarding"], capture_output=True, text=True).stdout.strip()
        if kib:
            return f"{int(kib) / 1024:.1f} MiB (dpkg Installed-Size)"
    cli = app.with_name("channelops")
    total = app.stat().st_size + (cli.stat().st_size if cli.is_file() else 0)
    return f"{total / 2**20:.1f} MiB (app + CLI binaries, not installed)"


def seed(cli: Path, db: Path, customers: int) -> float:
    """A distributor with 20 resellers and `customers` customers, through the CLI."""
    env = {**os.environ, "CHANNELOPS_DB": str(db), "CHANNELOPS_USER": ADMIN, "CHANNELOPS_PASSWORD": PASSWORD}
    run = lambda *a: subprocess.run([str(cli), *a], env=env, check=True, capture_output=True, timeout=600)
    t0 = time.monotonic()
    run("init", "--kind", "distributor", "--name", "Dist", "--domain", "dist.example", "--admin-email", ADMIN, "--admin-name", "Dee")
    for r in range(20):
        run("resellers", "add", "--name", f"Reseller {r:02}", "--domain", f"r{r:02}.example")
    csv = db.with_name("customers.csv")
    with csv.open("w") as f:
        f.write("name,domain,contact_name,contact_email,parent\n")
        for i in range(customers):
            f.write(f"Customer {i:05},c{i:05}.example,Admin {i},admin@c{i:05}.example,Reseller {i % 20:02}\n")
    run("customers", "import", str(csv))
    return time.monotonic() - t0


def processes_of(data_dir: Path) -> list[int]:
    """The app started on `data_dir` and every process under it (WebKit's)."""
    parents: dict[int, int] = {}
    roots = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            if (entry / "comm").read_text().strip().startswith("channelops-desk") and str(data_dir).encode() in (entry / "environ").read_bytes():
                roots.append(int(entry.name))
        except OSError:
            continue
    found = set(roots)
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in found and pid not in found:
                found.add(pid)
                grew = True
    return sorted(found)


def memory(pids: list[int]) -> tuple[float, float]:
    """(RSS, PSS) in MiB summed over `pids`: PSS counts shared pages once."""
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def measure(display: str, app: Path, data: Path, label: str, signed_in_page: str | None) -> None:
    cold = drop_caches()
    t0 = time.monotonic()
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data)}, application=app) as d:
        WebDriverWait(d, 120).until(EC.visibility_of_element_located((By.XPATH, "//h1")))
        first = time.monotonic() - t0
        shown = d.find_element(By.XPATH, "//h1").text
        extra = ""
        if signed_in_page:
            d.find_element(By.XPATH, "//label[normalize-space(text())='Email']//input").send_keys(ADMIN)
            d.find_element(By.XPATH, "//label[normalize-space(text())='Password']//input").send_keys(PASSWORD)
            d.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
            WebDriverWait(d, 60).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=signed-in]")))
            t1 = time.monotonic()
            d.find_element(By.XPATH, f"//nav//a[normalize-space()='{signed_in_page}']").click()
            WebDriverWait(d, 120).until(EC.visibility_of_element_located((By.XPATH, f"//h1[normalize-space()='{signed_in_page}']")))
            extra = f"; sign-in to the {signed_in_page} page {time.monotonic() - t1:.2f} s"
        time.sleep(5)  # idle: let the web view settle
        pids = processes_of(data)
        rss, pss = memory(pids)
    print(f"{label}: {'cold' if cold else 'warm (page cache not dropped: not root)'} start to the first screen ('{shown}') {first:.2f} s{extra}")
    print(f"{label}: idle memory of {len(pids)} processes (app + WebKit): RSS {rss:.0f} MiB, PSS {pss:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--app", help="the app binary (default: installed, else release, else debug build)")
    ap.add_argument("--customers", type=int, default=10_000)
    args = ap.parse_args()
    app = pick_app(args.app)
    cli = app.with_name("channelops")
    print(f"app: {app}")
    print(f"installed size: {installed_size(app)}")
    with tempfile.TemporaryDirectory(prefix="channelops-bench-") as tmp, xvfb() as display:
        empty = Path(tmp) / "empty"
        measure(display, app, empty, "empty workspace", None)
        big = Path(tmp) / "big"
        big.mkdir()
        took = seed(cli, big / "channelops.db", args.customers)
        print(f"seeded 20 resellers and {args.customers} customers with the CLI in {took:.1f} s")
        measure(display, app, big, f"{args.customers} customers", "Customers")


if __name__ == "__main__":
    main()
