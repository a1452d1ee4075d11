"""Figures of the desktop app as installed (a bench, not a test: it prints, it
asserts nothing): installed size, cold start to the first screen under Xvfb, and
the idle memory of the app with its WebKit processes, on an empty workspace and
on distributor workspaces of 20 resellers and 1 000 and 10 000 customers. On the
large ones, measured inside the real window: the Customers and Validation pages'
first rows after the click (target 200 ms) on the first visit after sign-in
and on later visits, each keystroke of a 14-character
search and a filter change until the list is updated and laid out (target 50 ms),
and the elements in the page (virtualized lists: they do not grow with customers).

    python tests/bench/desktop.py [--app PATH] [--customers N ...]

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


# In the page: click a navigation link, then wait (each animation frame) for the
# first row of the list; the time from the click to the frame that shows it.
FIRST_ROWS = """
const [href, row, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const t0 = performance.now();
document.querySelector(`nav a[href='${href}']`).click();
(function poll() {
  if (document.querySelector(row)) requestAnimationFrame(() => done(performance.now() - t0));
  else requestAnimationFrame(poll);
})();
"""

# In the page: press Sign in, open Customers as soon as the navigation is there,
# and wait for its first row: the first visit, when only the answer asked for at
# sign-in can be there (times from the click on Sign in).
SIGN_IN_TO_ROWS = """
const done = arguments[arguments.length - 1];
const t0 = performance.now();
// When the first row enters the page (a mutation observer runs right after
// Svelte's update), and every frame: a long gap between frames is painting.
let inPage = null;
const observer = new MutationObserver(() => {
  if (inPage === null && document.querySelector('[data-testid=customer-row]')) inPage = performance.now();
});
observer.observe(document.body, { childList: true, subtree: true });
const frames = [];
[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Sign in').click();
let t1 = null;
(function poll() {
  frames.push(performance.now());
  const link = document.querySelector("nav a[href='#/customers']");
  if (t1 === null && link) { t1 = performance.now(); link.click(); }
  if (t1 !== null && document.querySelector('[data-testid=customer-row]')) {
    requestAnimationFrame(() => {
      const t2 = performance.now();
      observer.disconnect();
      frames.push(t2);
      // Where the time went, from the click on Sign in: the page's own marks (the
      // progress answer, its rows; WebKit lists no resource timing for Tauri's IPC).
      const since = (x) => Math.round(x - t0);
      const marks = performance.getEntriesByType('mark')
        .filter((e) => e.name.startsWith('channelops:') && e.startTime >= t0)
        .map((e) => `${e.name.slice(11)} ${since(e.startTime)}`);
      const gaps = frames.slice(1).map((f, i) => [since(frames[i]), Math.round(f - frames[i])]).filter(([, g]) => g > 40);
      done([t1 - t0, t2 - t1, [...marks, `first row in the page ${since(inPage)}`, `shown ${since(t2)}`,
        `frames longer than 40 ms (start+length): ${gaps.map(([a, g]) => `${a}+${g}`).join(' ') || 'none'}`].join(', ')]);
    });
  } else requestAnimationFrame(poll);
})();
"""

# In the page: type `text` into the search box one character at a time; each
# keystroke's time until the list is updated and laid out (a forced layout after
# Svelte's update has run).
KEYSTROKES = """
const [selector, text, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const input = document.querySelector(selector);
const times = [];
let i = 0;
function step() {
  if (i >= text.length) return done(times);
  input.value = text.slice(0, ++i);
  const t0 = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => {
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
    requestAnimationFrame(() => setTimeout(step, 0));
  }, 0);
}
step();
"""

# In the page: a filter's new value, the time until the list is updated and laid out.
FILTER = """
const [selector, value, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const select = document.querySelector(selector);
const t0 = performance.now();
select.value = value;
select.dispatchEvent(new Event('change', { bubbles: true }));
setTimeout(() => { void document.body.offsetHeight; done(performance.now() - t0); }, 0);
"""


def list_figures(d, page: str, href: str, row: str, search: str, flt: str, value: str) -> str:
    d.set_script_timeout(120)
    first = d.execute_async_script(FIRST_ROWS, href, row)
    rows = len(d.find_elements(By.CSS_SELECTOR, row))
    elements = d.execute_script("return document.getElementsByTagName('*').length")
    keys = d.execute_async_script(KEYSTROKES, search, "customer 00042")
    d.execute_async_script(KEYSTROKES, search, "")  # cleared (one input event)
    filt = d.execute_async_script(FILTER, flt, value)
    keys_sorted = sorted(keys)
    median = keys_sorted[len(keys_sorted) // 2]
    return (f"{page}: first rows {first:.0f} ms after the click ({rows} rows and {elements} elements in the page); "
            f"search keystrokes median {median:.1f} ms, max {max(keys):.1f} ms over {len(keys)}; filter change {filt:.1f} ms")


def measure(display: str, app: Path, data: Path, label: str, signed_in_page: str | None) -> None:
    cold = drop_caches()
    t0 = time.monotonic()
    with tauri_session(display, {"CHANNELOPS_DATA_DIR": str(data), "WEBKIT_DISABLE_DMABUF_RENDERER": None}, application=app) as d:
        WebDriverWait(d, 120).until(EC.visibility_of_element_located((By.XPATH, "//h1")))
        first = time.monotonic() - t0
        shown = d.find_element(By.XPATH, "//h1").text
        extra = ""
        if signed_in_page:
            d.find_element(By.XPATH, "//label[normalize-space(text())='Email']//input").send_keys(ADMIN)
            d.find_element(By.XPATH, "//label[normalize-space(text())='Password']//input").send_keys(PASSWORD)
            d.set_script_timeout(120)
            signed_in, rows, timeline = d.execute_async_script(SIGN_IN_TO_ROWS)
            print(f"{label}: Customers, first visit (its list asked for at sign-in): first rows {rows:.0f} ms after the click "
                  f"({signed_in:.0f} ms from Sign in to the signed-in window)")
            print(f"{label}:   timeline from Sign in, ms: {timeline}")
            extra = ""
            time.sleep(2)
            # Page switches: the Validation page (the window is on Customers: leave it), then Customers again.
            print(f"{label}: " + list_figures(d, "Validation", "#/validation", "[data-testid=blocker]", "[data-testid=validation-search]", "[data-testid=part-filter]", "2"))
            print(f"{label}: " + list_figures(d, "Customers", "#/customers", "[data-testid=customer-row]", "[data-testid=customer-search]", "[data-testid=health-filter]", "failed"))
        time.sleep(5)  # idle: let the web view settle
        pids = processes_of(data)
        rss, pss = memory(pids)
    print(f"{label}: {'cold' if cold else 'warm (page cache not dropped: not root)'} start to the first screen ('{shown}') {first:.2f} s{extra}")
    print(f"{label}: idle memory of {len(pids)} processes (app + WebKit): RSS {rss:.0f} MiB, PSS {pss:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--app", help="the app binary (default: installed, else release, else debug build)")
    ap.add_argument("--customers", type=int, nargs="+", default=[1_000, 10_000])
    args = ap.parse_args()
    app = pick_app(args.app)
    cli = app.with_name("channelops")
    print(f"app: {app}")
    print(f"installed size: {installed_size(app)}")
    with tempfile.TemporaryDirectory(prefix="channelops-bench-") as tmp, xvfb() as display:
        empty = Path(tmp) / "empty"
        measure(display, app, empty, "empty workspace", None)
        for n in args.customers:
            big = Path(tmp) / f"n{n}"
            big.mkdir()
            took = seed(cli, big / "channelops.db", n)
            print(f"seeded 20 resellers and {n} customers with the CLI in {took:.1f} s")
            measure(display, app, big, f"{n} customers", "Customers")


if __name__ == "__main__":
    main()
