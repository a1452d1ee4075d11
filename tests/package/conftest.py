import sys
from pathlib import Path

# The real-window harness (Xvfb, tauri-driver) of the end-to-end tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
