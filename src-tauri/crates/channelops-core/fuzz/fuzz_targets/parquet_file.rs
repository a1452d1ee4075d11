//! Any bytes as a `.parquet` CUR data file, judged the way a bucket's file is
//! (local reads, and the planned reads of S3): the footer and page checks, the
//! parquet crate and the sampler must give a verdict — a failed `readable`
//! check at worst — never a panic, an abort, or unbounded memory or time.
#![no_main]

use std::sync::Arc;

use channelops_core::cur::{self, CancelToken, InMemory, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let remote = data.first().is_some_and(|b| b & 1 == 1);
    let deep = data.first().is_some_and(|b| b & 2 == 2);
    let source = Arc::new(InMemory {
        key: "cur/r/20261001-20261101/r-00001.snappy.parquet".into(),
        bytes: data.to_vec(),
        remote,
    });
    let options = Options {
        deep,
        ..Options::default()
    };
    let result = cur::validate(source, &options, &|_| {}, &CancelToken::default());
    let result = result.expect("one in-memory file always gets a verdict");
    assert_eq!(result.reports.len(), 1);
});
