//! The adversarial corpus, generated (no multi-MB file is committed): crafted
//! Parquet footers and pages, compression bombs, endless lines, wide headers,
//! sparse files, huge and deep manifests, special files and loops, and crafted
//! diagnostic bundles and hand-over files. Each case says what it is and which
//! words the refusal must hold; `tests/hostile.rs` of the CLI runs every case
//! under a memory ceiling, and `channelops fixtures --hostile DIR` writes it.
//! Sparse files cost no disk. Application layer (it signs bundles).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cur::fixtures::{self, CurSpec, Storage};
use crate::error::CoreError;
use crate::handover::{self, BUNDLE_FORMAT};

/// How a case is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Opened {
    /// `channelops validate PATH` (a data file, a folder or a bundle).
    Validate,
    /// `channelops invitation activate --file PATH`.
    Invitation,
}

/// One hostile input and what must become of it.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub name: String,
    pub path: PathBuf,
    pub opened: Opened,
    /// Words the answer (stdout and stderr) must hold.
    pub expect: String,
    /// A valid report in the same source that must still be judged valid.
    pub valid_beside: Option<String>,
}

fn case(name: &str, path: PathBuf, opened: Opened, expect: &str) -> Case {
    Case {
        name: name.into(),
        path,
        opened,
        expect: expect.into(),
        valid_beside: None,
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> CoreError + '_ {
    move |e| CoreError::io("write", path, e)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    std::fs::write(path, bytes).map_err(io(path))
}

/// A file of `len` bytes that takes no disk (all zeros) after `head`.
fn sparse(path: &Path, head: &[u8], len: u64) -> Result<(), CoreError> {
    write(path, head)?;
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io(path))?;
    f.set_len(len).map_err(io(path))
}

/// A sparse file ending with `tail`.
fn sparse_tail(path: &Path, len: u64, tail: &[u8]) -> Result<(), CoreError> {
    sparse(path, b"PAR1", len - tail.len() as u64)?;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(io(path))?;
    f.write_all(tail).map_err(io(path))
}

use crate::cur::fixtures::thrift::{self, V};

fn schema_element(name: &str, children: i64) -> V {
    V::Struct(vec![
        (4, V::Bin(name.as_bytes().to_vec())),
        (5, V::I32(children)),
    ])
}

fn leaf(name: &str) -> V {
    V::Struct(vec![
        (1, V::I32(6)), // BYTE_ARRAY
        (3, V::I32(1)), // OPTIONAL
        (4, V::Bin(name.as_bytes().to_vec())),
        (6, V::I32(0)), // UTF8
    ])
}

fn file_metadata(schema: V, rows: i64, row_groups: V) -> V {
    V::Struct(vec![
        (1, V::I32(1)),
        (2, schema),
        (3, V::I64(rows)),
        (4, row_groups),
    ])
}

/// `PAR1`, `body`, the footer, its length, `PAR1`.
fn parquet_file(body: &[u8], footer: &V) -> Vec<u8> {
    let footer = thrift::encode(footer);
    let mut out = b"PAR1".to_vec();
    out.extend_from_slice(body);
    out.extend_from_slice(&footer);
    out.extend_from_slice(&(footer.len() as u32).to_le_bytes());
    out.extend_from_slice(b"PAR1");
    out
}

/// One column (`identity_time_interval`, the sampler reads it) with one data page
/// whose header claims `uncompressed` bytes; the chunk's offsets as given.
fn one_page_file(codec: i64, uncompressed: i64, offset: Option<i64>, size: Option<i64>) -> Vec<u8> {
    let body = vec![0x55u8; 100];
    let header = thrift::encode(&V::Struct(vec![
        (1, V::I32(0)), // DATA_PAGE
        (2, V::I32(uncompressed)),
        (3, V::I32(body.len() as i64)),
        (
            5,
            V::Struct(vec![
                (1, V::I32(10)),
                (2, V::I32(0)),
                (3, V::I32(3)),
                (4, V::I32(3)),
            ]),
        ),
    ]));
    let mut page = header;
    page.extend_from_slice(&body);
    let name = "identity_time_interval";
    let chunk = V::Struct(vec![
        (2, V::I64(4)),
        (
            3,
            V::Struct(vec![
                (1, V::I32(6)),
                (2, V::List(thrift::I32, vec![V::I32(0)])),
                (
                    3,
                    V::List(thrift::BIN, vec![V::Bin(name.as_bytes().to_vec())]),
                ),
                (4, V::I32(codec)),
                (5, V::I64(10)),
                (6, V::I64(uncompressed)),
                (7, V::I64(size.unwrap_or(page.len() as i64))),
                (9, V::I64(offset.unwrap_or(4))),
            ]),
        ),
    ]);
    let group = V::Struct(vec![
        (1, V::List(thrift::STRUCT, vec![chunk])),
        (2, V::I64(page.len() as i64)),
        (3, V::I64(10)),
    ]);
    let schema = V::List(
        thrift::STRUCT,
        vec![schema_element("schema", 1), leaf(name)],
    );
    parquet_file(
        &page,
        &file_metadata(schema, 10, V::List(thrift::STRUCT, vec![group])),
    )
}

fn deep_schema(levels: usize) -> Vec<u8> {
    let mut elements: Vec<V> = (0..levels)
        .map(|i| schema_element(&format!("g{i}"), 1))
        .collect();
    elements.push(leaf("identity_time_interval"));
    let footer = file_metadata(
        V::List(thrift::STRUCT, elements),
        0,
        V::List(thrift::STRUCT, vec![]),
    );
    parquet_file(&[], &footer)
}

fn gzip_of(parts: &[(&[u8], u64)]) -> Result<Vec<u8>, CoreError> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for (chunk, times) in parts {
        for _ in 0..*times {
            gz.write_all(chunk)
                .map_err(|e| CoreError::io("compress", Path::new("corpus"), e))?;
        }
    }
    gz.finish()
        .map_err(|e| CoreError::io("compress", Path::new("corpus"), e))
}

const HEADER: &[u8] = b"identity/LineItemId,identity/TimeInterval,lineItem/UsageStartDate\n";
const MB: u64 = 1 << 20;

/// The CUR data cases: each a file validated alone.
fn data_cases(dir: &Path) -> Result<Vec<Case>, CoreError> {
    let mut out = Vec::new();
    let mut file = |name: &str, bytes: &[u8], expect: &str| -> Result<(), CoreError> {
        let path = dir.join(name);
        write(&path, bytes)?;
        out.push(case(name, path, Opened::Validate, expect));
        Ok(())
    };
    file(
        "deep-schema-100000.parquet",
        &deep_schema(100_000),
        "elements, more than",
    )?;
    file(
        "deep-schema-40.parquet",
        &deep_schema(40),
        "nests deeper than 32 levels",
    )?;
    let mut huge = vec![schema_element("schema", i64::from(i32::MAX))];
    huge.push(leaf("identity_time_interval"));
    let footer = file_metadata(
        V::List(thrift::STRUCT, huge),
        0,
        V::List(thrift::STRUCT, vec![]),
    );
    file(
        "children-2147483647.parquet",
        &parquet_file(&[], &footer),
        "claims 2147483647 children",
    )?;
    let footer = file_metadata(
        V::List(thrift::STRUCT, vec![schema_element("schema", 1), leaf("a")]),
        0,
        V::Claim(thrift::STRUCT, u64::from(i32::MAX as u32)),
    );
    file(
        "row-groups-2147483647.parquet",
        &parquet_file(&[], &footer),
        "entries, more than",
    )?;
    file(
        "page-2gb-snappy.parquet",
        &one_page_file(1, i64::from(i32::MAX), None, None),
        "a Parquet page claims 2147483647 bytes",
    )?;
    file(
        "page-2gb-gzip.parquet",
        &one_page_file(2, 2_000_000_000, None, None),
        "a Parquet page claims 2000000000 bytes",
    )?;
    file(
        "page-negative-size.parquet",
        &one_page_file(1, -7, None, None),
        "a Parquet page claims -7 bytes",
    )?;
    file(
        "negative-offsets.parquet",
        &one_page_file(1, 100, Some(-5), Some(-100)),
        "cannot be read",
    )?;
    file(
        "endless-header.csv.gz",
        &gzip_of(&[(&[b'a'; 4096], 64 * 256)])?,
        "a CSV line is longer than 1 MiB",
    )?;
    file(
        "gzip-bomb-row.csv.gz",
        &gzip_of(&[(HEADER, 1), (&[b'x'; 65536], 2 * 1024)])?,
        "a CSV line is longer than 1 MiB",
    )?;
    // Rows under the line limit, but 200 of them weigh more than a sample may read.
    let mut row = vec![b'y'; 512 * 1024];
    row.push(b'\n');
    file(
        "gzip-bomb-rows.csv.gz",
        &gzip_of(&[(HEADER, 1), (&row, 200)])?,
        "the sample (the decompressed head of the file) is longer than",
    )?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let zipped = (|| -> zip::result::ZipResult<Vec<u8>> {
        zip.start_file("cur.csv", options)?;
        zip.write_all(HEADER)?;
        let block = [b'z'; 65536];
        for _ in 0..2 * 1024 {
            zip.write_all(&block)?;
        }
        Ok(zip.finish()?.into_inner())
    })()
    .map_err(|e| CoreError::io("compress", dir, std::io::Error::other(e.to_string())))?;
    file(
        "zip-bomb.csv.zip",
        &zipped,
        "a CSV line is longer than 1 MiB",
    )?;
    let mut wide = vec![b','; MB as usize - 2];
    wide.push(b'\n');
    file("wide-header.csv", &wide, "columns, more than the 20000")?;
    let path = dir.join("sparse-2gb.csv");
    sparse(&path, b"", 2 << 30)?;
    out.push(case(
        "sparse-2gb.csv",
        path,
        Opened::Validate,
        "a CSV line is longer than 1 MiB",
    ));
    let path = dir.join("footer-3gb.parquet");
    let mut tail = 3_000_000_000u32.to_le_bytes().to_vec();
    tail.extend_from_slice(b"PAR1");
    sparse_tail(&path, 3_200_000_000, &tail)?;
    out.push(case(
        "footer-3gb.parquet",
        path,
        Opened::Validate,
        "the Parquet footer claims 3000000000 bytes",
    ));
    Ok(out)
}

/// A legacy CSV report that is valid, at `<root>/cur/good`.
fn valid_report(root: &Path) -> Result<(), CoreError> {
    let spec = CurSpec {
        rows: 50,
        ..CurSpec::default()
    };
    fixtures::legacy_csv_report(root, "cur", "good", &spec, Storage::GzipCsv, 1).map(|_| ())
}

/// Folders: crafted files beside a valid report, huge and deep manifests,
/// special files and loops.
fn folder_cases(dir: &Path) -> Result<Vec<Case>, CoreError> {
    let mut out = Vec::new();
    let period = "20261001-20261101";

    let mixed = dir.join("bucket-with-a-deep-schema");
    valid_report(&mixed)?;
    write(
        &mixed.join(format!("cur/bad/{period}/bad-00001.snappy.parquet")),
        &deep_schema(100_000),
    )?;
    out.push(Case {
        valid_beside: Some("good".into()),
        ..case(
            "bucket-with-a-deep-schema",
            mixed,
            Opened::Validate,
            "elements, more than",
        )
    });

    let manifests = dir.join("bucket-with-huge-manifests");
    valid_report(&manifests)?;
    for n in 1..=8 {
        let path = manifests.join(format!("cur/big{n}/{period}/big{n}-Manifest.json"));
        sparse(&path, b"{\"columns\":[", 16 * MB)?;
    }
    out.push(Case {
        valid_beside: Some("good".into()),
        ..case(
            "bucket-with-huge-manifests",
            manifests,
            Opened::Validate,
            "a manifest may have (the limit)",
        )
    });

    let dense = dir.join("bucket-with-a-dense-manifest");
    let mut text = b"{\"reportKeys\":[".to_vec();
    while text.len() < (2 * MB - 16) as usize {
        text.extend_from_slice(b"\"\",");
    }
    text.extend_from_slice(b"\"\"]}");
    write(
        &dense.join(format!("cur/dense/{period}/dense-Manifest.json")),
        &text,
    )?;
    out.push(case(
        "bucket-with-a-dense-manifest",
        dense,
        Opened::Validate,
        "more than 50000 entries",
    ));

    // Nesting 100 000 deep, in a known field and in one the parser skips.
    for (name, field, expect) in [
        (
            "bucket-with-a-deep-manifest",
            "columns",
            "The manifest cannot be read",
        ),
        (
            "bucket-with-a-deep-unknown-field",
            "x",
            "The manifest cannot be read: not valid JSON",
        ),
    ] {
        let deep = dir.join(name);
        let mut text = format!("{{\"{field}\":").into_bytes();
        text.extend(std::iter::repeat_n(b'[', 100_000));
        write(
            &deep.join(format!("cur/deep/{period}/deep-Manifest.json")),
            &text,
        )?;
        out.push(case(name, deep, Opened::Validate, expect));
    }

    #[cfg(unix)]
    {
        let special = dir.join("folder-with-special-files");
        valid_report(&special)?;
        std::fs::create_dir_all(special.join("cur/odd")).map_err(io(&special))?;
        let fifo = special.join("cur/odd/fifo.csv.gz");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .map_err(io(&fifo))?;
        if !made.success() {
            return Err(CoreError::io(
                "create",
                &fifo,
                std::io::Error::other("mkfifo failed"),
            ));
        }
        let link = |target: &Path, name: &str| {
            let path = special.join("cur/odd").join(name);
            std::os::unix::fs::symlink(target, &path).map_err(io(&path))
        };
        link(Path::new("/dev/zero"), "zero.csv")?;
        link(Path::new("loop.csv"), "loop.csv")?;
        link(Path::new(".."), "up")?;
        out.push(Case {
            valid_beside: Some("good".into()),
            ..case(
                "folder-with-special-files",
                special.clone(),
                Opened::Validate,
                "good",
            )
        });
        out.push(case(
            "fifo",
            fifo,
            Opened::Validate,
            "is not a regular file",
        ));
        out.push(case(
            "dev-zero",
            PathBuf::from("/dev/zero"),
            Opened::Validate,
            "is not a regular file",
        ));
        out.push(case(
            "fifo-invitation",
            special.join("cur/odd/fifo.csv.gz"),
            Opened::Invitation,
            "is not a regular file",
        ));
        out.push(case(
            "dev-zero-invitation",
            PathBuf::from("/dev/zero"),
            Opened::Invitation,
            "is not a regular file",
        ));
        out.push(case(
            "symlink-loop",
            special.join("cur/odd/loop.csv"),
            Opened::Validate,
            "leads back to itself",
        ));
    }
    let big = dir.join("sparse-invitation.json");
    sparse(&big, b"{", 100 * MB)?;
    out.push(case(
        "sparse-invitation",
        big,
        Opened::Invitation,
        "larger than any hand-over file",
    ));
    Ok(out)
}

/// Crafted diagnostic bundles, signed (a signature proves nothing about content).
fn bundle_cases(dir: &Path) -> Result<Vec<Case>, CoreError> {
    let key = ed25519_dalek::SigningKey::from_bytes(&crate::ids::random_bytes::<32>()?);
    let mut out = Vec::new();
    let mut bundle =
        |name: &str, payload: serde_json::Value, expect: &str| -> Result<(), CoreError> {
            let path = dir.join(format!("{name}.bundle.json"));
            write(
                &path,
                handover::seal(&key, BUNDLE_FORMAT, &payload)?.as_bytes(),
            )?;
            out.push(case(name, path, Opened::Validate, expect));
            Ok(())
        };
    let result = serde_json::to_value(crate::cur::ValidationResult {
        source: "s3://crafted".into(),
        reports: Vec::new(),
        selectable: Vec::new(),
        choose_one: None,
        note: None,
        bytes_read: 0,
        requests: 0,
        bytes_total: 0,
    })
    .map_err(|e| {
        CoreError::invalid(
            crate::text!("error-internal", detail = e.to_string()),
            crate::text!("remedy-report"),
        )
    })?;
    let objects = |keys: &[&str]| -> serde_json::Value {
        keys.iter()
            .map(|k| serde_json::json!({"key": k, "size": 1_000_000}))
            .collect()
    };
    let ranges: Vec<serde_json::Value> = (0..200_000u64)
        .map(|i| serde_json::json!({"key": "cur/r/20261001-20261101/r-1.csv.gz", "start": i * 4, "data": "AAAA"}))
        .collect();
    bundle(
        "ranges-200000",
        serde_json::json!({"source": "s3://crafted", "region": "us-east-1", "result": result,
            "objects": objects(&["cur/r/20261001-20261101/r-1.csv.gz"]), "ranges": ranges, "created_at": "2026-11-30T00:00:00Z"}),
        "cur/r/20261001-20261101/r-1.csv.gz",
    )?;
    bundle(
        "traversal-key",
        serde_json::json!({"source": "s3://crafted", "region": null, "result": result,
            "objects": objects(&["../../etc/passwd"]), "ranges": [], "created_at": "2026-11-30T00:00:00Z"}),
        "unsafe object key",
    )?;
    bundle(
        "outside-the-object",
        serde_json::json!({"source": "s3://crafted", "region": null, "result": result,
            "objects": objects(&["a.csv"]), "ranges": [{"key": "a.csv", "start": u64::MAX - 1, "data": "AAAA"}], "created_at": "2026-11-30T00:00:00Z"}),
        "lie outside the object",
    )?;
    // A payload field holding eight million numbers: parsed without a tree in memory.
    let mut text = handover::seal(
        &key,
        BUNDLE_FORMAT,
        &serde_json::json!({"source": "s3://crafted"}),
    )?;
    text = text.replacen(
        "\"source\"",
        &format!("\"padding\":[{}0],\"source\"", "0,".repeat(8_000_000)),
        1,
    );
    let path = dir.join("eight-million-numbers.bundle.json");
    write(&path, text.as_bytes())?;
    out.push(case(
        "eight-million-numbers",
        path,
        Opened::Validate,
        "signature does not match",
    ));
    let path = dir.join("deep.bundle.json");
    let mut text = format!("{{\"format\":\"{BUNDLE_FORMAT}\",\"payload\":");
    text.push_str(&"[".repeat(100_000));
    write(&path, text.as_bytes())?;
    out.push(case(
        "deep-bundle",
        path,
        Opened::Validate,
        "not a ChannelOps hand-over file",
    ));
    Ok(out)
}

/// Writes the whole corpus under `dir` and returns its cases.
pub fn write_corpus(dir: &Path) -> Result<Vec<Case>, CoreError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut cases = data_cases(&dir.join("data"))?;
    cases.extend(folder_cases(&dir.join("folders"))?);
    cases.extend(bundle_cases(&dir.join("bundles"))?);
    Ok(cases)
}
