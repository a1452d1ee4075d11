# Shared settings of the project's scripts (sourced, not run).
# Build products and tools live outside the checkout, so a fresh clone can reuse
# them, and everything still works when they are absent.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${CHANNELOPS_CACHE:-$HOME/.cache/channelops}
export CHANNELOPS_CACHE=$CACHE
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export PATH="$CACHE/tools/bin:$CACHE/venv/bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
TAURI_DRIVER_VERSION=2.1.0
NODE_MIN=20.19.0

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
