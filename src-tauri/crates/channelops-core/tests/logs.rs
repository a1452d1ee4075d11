//! The app's log file: events and panics land in the day's file of the log folder.
//! (Its own test binary: the subscriber and the panic hook are process-wide.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use channelops_core::logs;

#[test]
fn events_and_a_panic_are_written_to_the_days_log_file() {
    let dir = tempfile::tempdir().unwrap();
    let guard = logs::init(dir.path()).unwrap();
    assert_eq!(guard.dir, dir.path());
    tracing::info!("a validation of s3://bucket/prefix finished");
    let panicked = std::thread::spawn(|| {
        let numbers: Vec<u8> = Vec::new();
        let index = numbers.len() + 2;
        numbers[index]
    })
    .join();
    assert!(panicked.is_err());

    let (name, text) = logs::last_log(dir.path(), 1 << 20)
        .unwrap()
        .expect("a log file");
    assert!(
        name.starts_with("channelops.") && name.ends_with(".log"),
        "{name}"
    );
    assert!(text.contains("ChannelOps started"), "{text}");
    assert!(
        text.contains("a validation of s3://bucket/prefix finished"),
        "{text}"
    );
    assert!(text.contains("panic: "), "{text}");
    assert!(text.contains("index out of bounds"), "{text}");
    // The file is plain text (no terminal colour codes).
    assert!(!text.contains('\u{1b}'), "{text}");
}

#[test]
fn an_unwritable_log_folder_is_an_error_and_the_app_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let err = match logs::init(&file.join("logs")) {
        Ok(_) => panic!("a log folder under a file was accepted"),
        Err(e) => e,
    };
    assert!(!err.remedy().is_empty());
    // Logging to standard error still works.
    tracing::warn!("still logging");
}
