//! Any bytes as a CUR CSV file, plain and behind gzip: the header/sample reader
//! must return an answer or an error, never panic, with bounded work.
#![no_main]

use channelops_core::cur::CancelToken;
use channelops_core::cur::sample::sample_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cancel = CancelToken::default();
    if let Ok((columns, sample)) = sample_csv(data, 200, &cancel) {
        let _ = columns.schema();
        assert!(sample.rows <= 200);
    }
    let _ = sample_csv(flate2::read::MultiGzDecoder::new(data), 200, &cancel);
});
