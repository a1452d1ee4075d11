//! A reader that holds CSV input to its limits: no record (header or row, quotes
//! respected) longer than [`limits::CSV_RECORD_BYTES`], and optionally no more
//! than so many bytes in all (the sample's decompressed bytes). The csv crate
//! buffers a whole record, so an endless line or a compression bomb would
//! otherwise become one allocation of any size.

use std::io::{self, Read};

use crate::limits;

pub struct CsvBounded<R> {
    inner: R,
    in_quotes: bool,
    record: u64,
    total: u64,
    max_total: Option<u64>,
}

impl<R: Read> CsvBounded<R> {
    /// `max_total`: the most bytes read in all (`None`: a deep scan reads everything).
    pub fn new(inner: R, max_total: Option<u64>) -> Self {
        CsvBounded {
            inner,
            in_quotes: false,
            record: 0,
            total: 0,
            max_total,
        }
    }
}

/// The message of an input past a limit (the csv crate adds which record).
pub fn past_limit(what: &str, limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{what} is longer than {} (the limit)", human_bytes(limit)),
    )
}

/// `1048576` → `1 MiB`.
pub fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

impl<R: Read> Read for CsvBounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.total = self.total.saturating_add(n as u64);
        if let Some(max) = self.max_total.filter(|max| self.total > *max) {
            return Err(past_limit(
                "the sample (the decompressed head of the file)",
                max,
            ));
        }
        for &b in &buf[..n] {
            match b {
                b'"' => self.in_quotes = !self.in_quotes,
                b'\n' if !self.in_quotes => self.record = 0,
                _ => {}
            }
            self.record += 1;
            if self.record > limits::CSV_RECORD_BYTES {
                return Err(past_limit("a CSV line", limits::CSV_RECORD_BYTES));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(r: impl Read) -> io::Result<u64> {
        io::copy(&mut io::BufReader::new(r), &mut io::sink())
    }

    #[test]
    fn a_record_past_the_limit_fails_quotes_included() {
        let ok = "a,b\n".repeat(1 << 20);
        assert!(drain(CsvBounded::new(ok.as_bytes(), None)).is_ok());
        let long = vec![b'x'; limits::CSV_RECORD_BYTES as usize + 1];
        let err = drain(CsvBounded::new(&long[..], None)).unwrap_err();
        assert!(
            err.to_string().contains("a CSV line is longer than 1 MiB"),
            "{err}"
        );
        // A quoted field's newlines do not end the record.
        let mut quoted = b"\"".to_vec();
        quoted.extend(
            "x\n"
                .repeat(limits::CSV_RECORD_BYTES as usize / 2 + 1)
                .bytes(),
        );
        assert!(drain(CsvBounded::new(&quoted[..], None)).is_err());
        // Doubled quotes inside a field leave the state as it was.
        let escaped = "\"a\"\"b\"\n".repeat(1 << 18);
        assert!(drain(CsvBounded::new(escaped.as_bytes(), None)).is_ok());
    }

    #[test]
    fn the_total_limit_stops_a_bomb() {
        let rows = "a\n".repeat(1 << 16);
        let err = drain(CsvBounded::new(rows.as_bytes(), Some(1000))).unwrap_err();
        assert!(err.to_string().contains("the sample"), "{err}");
        assert!(drain(CsvBounded::new(rows.as_bytes(), Some(1 << 20))).is_ok());
    }
}
