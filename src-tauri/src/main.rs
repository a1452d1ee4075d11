// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    webkit_renderer();
    channelops_desktop::run()
}

/// The variable that turns WebKitGTK's DMA-BUF renderer off.
#[cfg(target_os = "linux")]
const DMABUF_OFF: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// On Linux, WebKitGTK's DMA-BUF renderer is off unless the user says otherwise
/// (`WEBKIT_DISABLE_DMABUF_RENDERER=0` turns it back on). Without a GPU — virtual
/// machines, remote desktops, Xvfb — it took ~1 s to show a page's first large
/// list (0.1 s without it, `tests/bench/desktop.py`), and on some NVIDIA and
/// Wayland set-ups it leaves the window blank; WebKit's older path works on every
/// set-up. See docs/PLATFORMS.md.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // The workspace's one exception, checked by a test in lib.rs.
fn webkit_renderer() {
    if std::env::var_os(DMABUF_OFF).is_none() {
        // SAFETY: the first thing `main` does, before any thread exists: nothing
        // reads or writes the environment concurrently.
        unsafe { std::env::set_var(DMABUF_OFF, "1") };
    }
}

#[cfg(not(target_os = "linux"))]
fn webkit_renderer() {}
