//! Containing panics of third-party decoders. A crafted file may make a decoder
//! panic (an assertion on a negative offset, say); run under [`contain`], that
//! panic becomes an error for that one file instead of the end of the process,
//! and it is logged rather than printed. (A stack overflow cannot be contained:
//! depth is checked before decoding; see `cur::parquet_guard`.) Foundation layer.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINED: Cell<u32> = const { Cell::new(0) };
}

static HOOK: Once = Once::new();

/// Installs (once) a panic hook that logs contained panics instead of printing
/// them, and leaves every other panic to the hook that was there before.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CONTAINED.with(Cell::get) > 0 {
                tracing::warn!(target: "channelops::guard", "a decoder panicked on a file: {info}");
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic in it comes back as `Err` with the panic's message.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    CONTAINED.with(|c| c.set(c.get() + 1));
    let out = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(c.get().saturating_sub(1)));
    out.map_err(|payload| {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        format!("the decoder failed: {text}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_thread_goes_on() {
        assert_eq!(contain(|| 7), Ok(7));
        let err = contain(|| -> u8 { panic!("offset -5 is negative") }).unwrap_err();
        assert!(err.contains("offset -5 is negative"), "{err}");
        let v: Vec<u8> = Vec::new();
        let index = v.len() + 3;
        let err = contain(|| v[index]).unwrap_err();
        assert!(err.contains("index out of bounds"), "{err}");
        assert_eq!(contain(|| "still here"), Ok("still here"));
    }
}
