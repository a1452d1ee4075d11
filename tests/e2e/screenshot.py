"""Takes the README's screenshot of the real app window under Xvfb.

    python tests/e2e/screenshot.py [OUTPUT.png]

Runs the built app through tauri-driver (as the e2e tests do), waits for the first
screen, then captures the X display with ImageMagick's `import` — the window as
X draws it, not a web-page rendering.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import first_run
from harness import REPO, tauri_session, xvfb


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "tests" / "screenshots" / "main-window.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data, xvfb(1200, 800) as display:
        # A stable, readable data path for the picture.
        env = {"CHANNELOPS_DATA_DIR": str(Path(data) / "channelops")}
        with tauri_session(display, env) as app:
            first_run(app)
            WebDriverWait(app, 20).until(
                EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=app-version]"))
            )
            subprocess.run(["import", "-display", display, "-window", "root", f"PNG32:{out}"], check=True)
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
