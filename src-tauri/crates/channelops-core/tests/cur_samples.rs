//! The verdict on every real CUR sample kept in the repository under
//! `tests/data/cur-samples/` (where each came from and its licence: its SOURCES.md). None has split cost allocation columns, so none is valid; each
//! fails or warns for its own documented reasons.

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use channelops_core::cur::{self, CancelToken, CheckStatus, Options, ReportKind};

fn samples_dir() -> PathBuf {
    // CARGO_MANIFEST_DIR is src-tauri/crates/channelops-core: three levels below the checkout.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/data/cur-samples");
    assert!(
        dir.is_dir(),
        "the real CUR samples are expected in the checkout at {}",
        dir.display()
    );
    dir
}

/// (file, kind, [(check, status)]) — statuses not listed must be pass or skipped.
/// (check id, status) pairs a sample must show.
type Statuses = &'static [(&'static str, &'static str)];

const EXPECTED: &[(&str, ReportKind, Statuses)] = &[
    (
        "finopsfoundation-focus_converters/focus_converter_base/tests/provider_config_tests/aws/sample-anonymous-aws-export-dataset.csv",
        ReportKind::LegacyCsv,
        &[
            ("format", "warn"),
            ("resource_ids", "fail"),
            ("split_cost_allocation", "fail"),
            ("hourly", "fail"),
        ],
    ),
    (
        "project-koku-koku/koku/masu/test/data/test_cur.csv",
        ReportKind::LegacyCsv,
        &[("format", "warn"), ("split_cost_allocation", "fail")],
    ),
    (
        "project-koku-koku/koku/masu/test/data/test_cur.csv.gz",
        ReportKind::LegacyCsv,
        &[("split_cost_allocation", "fail")],
    ),
    (
        "project-koku-koku/koku/masu/test/data/aws/2023-06-01.csv",
        ReportKind::LegacyCsv,
        &[("format", "warn"), ("split_cost_allocation", "fail")],
    ),
    (
        "project-koku-koku/koku/masu/test/data/aws/2022-07-01-alt-columns.csv",
        ReportKind::LegacyCsv,
        &[
            ("legacy_cur", "warn"),
            ("format", "warn"),
            ("split_cost_allocation", "fail"),
        ],
    ),
    (
        "sbroenne-aws-cur-anonymize/tests/testdata/sample-legacy-csv.csv",
        ReportKind::LegacyCsv,
        &[
            ("format", "warn"),
            ("split_cost_allocation", "fail"),
            ("hourly", "warn"),
        ],
    ),
    (
        "sbroenne-aws-cur-anonymize/tests/testdata/sample-cur20.csv",
        ReportKind::LegacyCsv,
        &[
            ("legacy_cur", "warn"),
            ("format", "warn"),
            ("split_cost_allocation", "fail"),
            ("hourly", "warn"),
        ],
    ),
    (
        "maxjahn-FOCUS-Sample-Data/FOCUS-1.0/focus_sample.csv",
        ReportKind::Focus,
        &[
            ("legacy_cur", "fail"),
            ("format", "warn"),
            ("resource_ids", "fail"),
            ("split_cost_allocation", "fail"),
            ("hourly", "warn"),
        ],
    ),
];

#[test]
fn every_real_sample_gets_its_verdict() {
    let dir = samples_dir();
    let mut files_on_disk: Vec<String> = Vec::new();
    let folder = cur::open_local(&dir).unwrap();
    for o in folder.list().unwrap() {
        if o.key.contains(".csv") {
            files_on_disk.push(o.key);
        }
    }
    files_on_disk.sort();
    let mut expected_files: Vec<String> =
        EXPECTED.iter().map(|(f, _, _)| (*f).to_owned()).collect();
    expected_files.sort();
    assert_eq!(
        files_on_disk, expected_files,
        "every sample has an expected verdict"
    );

    for (file, kind, non_pass) in EXPECTED {
        let source = cur::open_local(&dir.join(file)).unwrap();
        let result = cur::validate(
            source,
            &Options::default(),
            &|_| {},
            &CancelToken::default(),
        )
        .unwrap();
        assert_eq!(result.reports.len(), 1, "{file}");
        let report = &result.reports[0];
        assert_eq!(report.kind, *kind, "{file}");
        assert!(
            !report.valid,
            "{file}: no sample has split cost allocation data"
        );
        for check in &report.checks {
            let status = serde_json::to_value(check.status).unwrap();
            let expected = non_pass
                .iter()
                .find(|(id, _)| *id == check.id.as_str())
                .map(|(_, s)| *s);
            match expected {
                Some(s) => assert_eq!(status, s, "{file}: {}", check.id.as_str()),
                None => assert!(
                    matches!(check.status, CheckStatus::Pass | CheckStatus::Skipped),
                    "{file}: {} is {status} ({})",
                    check.id.as_str(),
                    check.message
                ),
            }
        }
    }
}

#[test]
fn the_daily_sample_is_caught_by_time_interval_not_usage_dates() {
    let file = samples_dir().join(EXPECTED[0].0);
    let result = cur::validate(
        cur::open_local(&file).unwrap(),
        &Options {
            deep: true,
            ..Options::default()
        },
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap();
    let hourly = result.reports[0]
        .checks
        .iter()
        .find(|c| c.id.as_str() == "hourly")
        .unwrap();
    assert!(hourly.message.en().contains("daily"), "{}", hourly.message);
    assert!(
        hourly.message.en().contains("1281 of 1281"),
        "all rows are read with deep: {}",
        hourly.message
    );
    assert_eq!(
        hourly.evidence.as_ref().unwrap().column.as_deref(),
        Some("identity/TimeInterval")
    );
}

#[test]
fn the_whole_samples_folder_has_one_report_per_file_and_none_valid() {
    let result = cur::validate(
        cur::open_local(&samples_dir()).unwrap(),
        &Options::default(),
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap();
    assert_eq!(result.reports.len(), EXPECTED.len());
    assert!(result.selectable.is_empty());
}
