//! The CUR engine against every generated variant (real files in a temp folder).

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/on_read.rs"]
mod on_read;

use std::path::Path;
use std::sync::{Arc, Mutex};

use channelops_core::cur::fixtures::{self, CurSpec, Granularity, Storage, VARIANTS};
use channelops_core::cur::{
    self, CancelToken, CheckStatus, Options, ReportResult, ValidationResult,
};

/// Validation as on a day just after the generated reports' period (they are
/// dated from the clock: the month before this one).
fn options() -> Options {
    Options {
        today: CurSpec::default().day_after_period(1, 5),
        ..Options::default()
    }
}

fn period_of(spec: &CurSpec) -> String {
    format!("{:04}-{:02}", spec.year, spec.month)
}

fn validate_with(path: &Path, options: &Options) -> ValidationResult {
    cur::validate(
        cur::open_local(path).unwrap(),
        options,
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap()
}

fn validate(path: &Path) -> ValidationResult {
    validate_with(path, &options())
}

fn status(report: &ReportResult, id: &str) -> CheckStatus {
    report
        .checks
        .iter()
        .find(|c| c.id.as_str() == id)
        .map(|c| c.status)
        .unwrap()
}

fn report<'a>(result: &'a ValidationResult, name: &str) -> &'a ReportResult {
    result
        .reports
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no report {name} in {result:#?}"))
}

#[test]
fn every_generated_variant_gets_its_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    fixtures::write_all_variants(tmp.path()).unwrap();
    for variant in VARIANTS {
        let result = validate(&tmp.path().join(variant.folder));
        let mut selectable = result.selectable.clone();
        selectable.sort();
        assert_eq!(
            selectable, variant.valid,
            "variant {}: {result:#?}",
            variant.folder
        );
        for (name, id, expected) in variant.expect {
            let got = serde_json::to_value(status(report(&result, name), id)).unwrap();
            assert_eq!(
                got, *expected,
                "variant {} report {name} check {id}",
                variant.folder
            );
        }
        // Every check that is not a pass or skip says what was seen and what to do.
        for r in &result.reports {
            assert_eq!(r.checks.len(), 9);
            for c in &r.checks {
                if matches!(c.status, CheckStatus::Fail | CheckStatus::Warn) {
                    assert!(
                        c.remedy.as_ref().is_some_and(|s| !s.en().is_empty()),
                        "{} {}: no remedy",
                        r.name,
                        c.id.as_str()
                    );
                    assert!(
                        c.evidence.is_some(),
                        "{} {}: no evidence",
                        r.name,
                        c.id.as_str()
                    );
                }
            }
            assert_eq!(
                r.valid,
                r.checks.iter().all(|c| c.status != CheckStatus::Fail)
            );
        }
    }
    // All variants side by side under one folder (bucket copies in sub-folders):
    // the same reports, the same verdicts.
    let all = validate(tmp.path());
    let mut valid: Vec<&str> = all.selectable.iter().map(String::as_str).collect();
    valid.sort();
    let mut expected: Vec<&str> = VARIANTS
        .iter()
        .flat_map(|v| v.valid.iter().copied())
        .collect();
    expected.sort();
    assert_eq!(valid, expected);
}

#[test]
fn the_latest_period_decides_and_all_periods_are_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let base = CurSpec::default();
    // The month before hourly (valid), the latest month daily (invalid): the latest decides.
    fixtures::legacy_csv_report(
        tmp.path(),
        "cur",
        "r",
        &base.month_before(),
        Storage::GzipCsv,
        1,
    )
    .unwrap();
    fixtures::legacy_csv_report(
        tmp.path(),
        "cur",
        "r",
        &CurSpec {
            granularity: Granularity::Daily,
            ..base.clone()
        },
        Storage::GzipCsv,
        1,
    )
    .unwrap();
    let result = validate(tmp.path());
    let r = report(&result, "r");
    assert_eq!(
        r.billing_periods,
        [period_of(&base.month_before()), period_of(&base)]
    );
    assert_eq!(status(r, "hourly"), CheckStatus::Fail);
}

#[test]
fn two_valid_reports_must_be_chosen_between() {
    let tmp = tempfile::tempdir().unwrap();
    fixtures::write_all_variants(tmp.path()).unwrap();
    let result = validate(&tmp.path().join("two-valid"));
    assert_eq!(result.reports.len(), 2, "the non-CUR files are ignored");
    assert!(
        result
            .choose_one
            .as_ref()
            .unwrap()
            .en()
            .contains("only one CUR")
    );
}

#[test]
fn payer_account_and_bucket_region_are_judged_when_known() {
    let tmp = tempfile::tempdir().unwrap();
    fixtures::legacy_csv_report(
        tmp.path(),
        "",
        "r",
        &CurSpec::default(),
        Storage::GzipCsv,
        1,
    )
    .unwrap();
    let ok = validate_with(
        tmp.path(),
        &Options {
            account_id: Some("111122223333".into()),
            region: Some("us-east-1".into()),
            ..options()
        },
    );
    assert_eq!(status(&ok.reports[0], "payer_account"), CheckStatus::Pass);
    assert_eq!(status(&ok.reports[0], "bucket_region"), CheckStatus::Pass);

    let bad = validate_with(
        tmp.path(),
        &Options {
            account_id: Some("999999999999".into()),
            region: Some("eu-west-1".into()),
            ..options()
        },
    );
    let r = &bad.reports[0];
    assert_eq!(status(r, "payer_account"), CheckStatus::Fail);
    assert_eq!(status(r, "bucket_region"), CheckStatus::Fail);
    let payer = r
        .checks
        .iter()
        .find(|c| c.id.as_str() == "payer_account")
        .unwrap();
    assert!(
        payer.message.en().contains("111122223333") && payer.message.en().contains("999999999999")
    );
    assert!(!r.valid);

    let local = validate(tmp.path());
    assert_eq!(
        status(&local.reports[0], "bucket_region"),
        CheckStatus::Skipped
    );
    assert_eq!(
        status(&local.reports[0], "payer_account"),
        CheckStatus::Skipped
    );
}

#[test]
fn stale_data_is_a_warning_not_a_failure() {
    let tmp = tempfile::tempdir().unwrap();
    fixtures::legacy_csv_report(
        tmp.path(),
        "",
        "r",
        &CurSpec::default(),
        Storage::GzipCsv,
        1,
    )
    .unwrap();
    let later = Options {
        today: CurSpec::default().day_after_period(5, 1),
        ..options()
    };
    let result = validate_with(tmp.path(), &later);
    assert_eq!(status(&result.reports[0], "freshness"), CheckStatus::Warn);
    assert!(result.reports[0].valid);
}

#[test]
fn a_large_parquet_report_is_judged_from_a_small_fraction_of_its_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = CurSpec {
        rows: 300_000,
        ..CurSpec::default()
    };
    let paths = fixtures::legacy_athena_report(tmp.path(), "", "big", &spec, 1).unwrap();
    let size = std::fs::metadata(&paths[0]).unwrap().len();
    let result = validate(tmp.path());
    assert!(result.reports[0].valid, "{result:#?}");
    assert!(
        size > 10_000_000,
        "fixture too small to mean anything: {size}"
    );
    assert!(
        result.bytes_read * 100 < size,
        "read {} of {size} bytes: more than 1%",
        result.bytes_read
    );
    // A full scan reads each column chunk in one read: all of the data, and again
    // only the sample's first pages (0.1 %; page headers read apart from their
    // bodies used to add 1.3 %).
    let deep = validate_with(
        tmp.path(),
        &Options {
            deep: true,
            ..options()
        },
    );
    assert!(deep.reports[0].valid, "{deep:#?}");
    assert!(
        deep.bytes_read <= size + size / 200 && deep.bytes_read * 100 >= size * 99,
        "deep read {} of {size} bytes",
        deep.bytes_read
    );
}

#[test]
fn deep_reads_everything_and_finds_a_cut_past_the_sample() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = CurSpec {
        rows: 20_000,
        ..CurSpec::default()
    };
    let keys =
        fixtures::legacy_csv_report(tmp.path(), "", "r", &spec, Storage::GzipCsv, 1).unwrap();
    let path = tmp.path().join(&keys[0]);
    let len = std::fs::metadata(&path).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(len * 9 / 10)
        .unwrap();

    let sampled = validate(tmp.path());
    assert_eq!(
        status(&sampled.reports[0], "readable"),
        CheckStatus::Pass,
        "the sample stops before the cut"
    );
    let deep = validate_with(
        tmp.path(),
        &Options {
            deep: true,
            ..options()
        },
    );
    assert_eq!(status(&deep.reports[0], "readable"), CheckStatus::Fail);
    assert!(deep.bytes_read >= len * 9 / 10);
}

#[test]
fn progress_is_reported_and_cancel_stops_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    fixtures::write_all_variants(tmp.path()).unwrap();
    let seen = Mutex::new(Vec::new());
    let source = cur::open_local(tmp.path()).unwrap();
    cur::validate(
        Arc::clone(&source),
        &options(),
        &|p| seen.lock().unwrap().push(p),
        &CancelToken::default(),
    )
    .unwrap();
    let seen = seen.into_inner().unwrap();
    let last = seen.last().unwrap();
    assert!(last.files_total > 10);
    assert_eq!(last.files_done, last.files_total);
    assert!(
        seen.len() as u32 >= last.files_total,
        "one update per file at least"
    );

    let cancel = CancelToken::default();
    cancel.cancel();
    let err = cur::validate(source, &options(), &|_| {}, &cancel).unwrap_err();
    assert_eq!(err.code().as_str(), "cancelled");
}

#[test]
fn an_empty_folder_has_no_report_and_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("readme.txt"), "x").unwrap();
    let result = validate(tmp.path());
    assert!(result.reports.is_empty());
    assert!(result.note.unwrap().en().contains("24 hours"));
}

#[test]
fn deep_decompresses_every_parquet_page_and_finds_damage_the_sample_skips() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = CurSpec {
        rows: 200_000,
        ..CurSpec::default()
    };
    let paths = fixtures::legacy_athena_report(tmp.path(), "", "r", &spec, 1).unwrap();
    let mut bytes = std::fs::read(&paths[0]).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 4096].fill(0xff);
    std::fs::write(&paths[0], &bytes).unwrap();

    let sampled = validate(tmp.path());
    assert_eq!(
        status(&sampled.reports[0], "readable"),
        CheckStatus::Pass,
        "the damage is past the sampled pages"
    );
    let deep = validate_with(
        tmp.path(),
        &Options {
            deep: true,
            ..options()
        },
    );
    let r = &deep.reports[0];
    assert_eq!(status(r, "readable"), CheckStatus::Fail, "{r:#?}");
    assert!(deep.bytes_read as usize >= bytes.len() / 2);
}

#[test]
fn no_report_waits_for_another_reports_manifest() {
    // Report "slow" has a manifest (held back, as a far bucket would); report
    // "athena" has none: its data file is read while the manifest is awaited.
    let tmp = tempfile::tempdir().unwrap();
    let spec = CurSpec::default();
    fixtures::legacy_csv_report(tmp.path(), "csv", "slow", &spec, Storage::GzipCsv, 1).unwrap();
    fixtures::legacy_athena_report(tmp.path(), "pq", "athena", &spec, 1).unwrap();
    // The manifest's read waits (5 s at most) until the Parquet file has been read.
    let seen = Arc::new((Mutex::new(false), std::sync::Condvar::new()));
    let timed_out = Arc::new(Mutex::new(false));
    let (s, t) = (seen.clone(), timed_out.clone());
    let source = Arc::new(on_read::OnRead {
        inner: cur::open_local(tmp.path()).unwrap(),
        before: move |key: &str| {
            let (flag, wake) = &*s;
            if key.ends_with("athena-00001.snappy.parquet") {
                *flag.lock().unwrap() = true;
                wake.notify_all();
            }
            if key.ends_with("slow/20261001-20261101/slow-Manifest.json") {
                let guard = flag.lock().unwrap();
                let (guard, waited) = wake
                    .wait_timeout_while(guard, std::time::Duration::from_secs(5), |seen| !*seen)
                    .unwrap();
                drop(guard);
                if waited.timed_out() {
                    *t.lock().unwrap() = true;
                }
            }
        },
    });
    let options = Options {
        concurrency: 2,
        ..options()
    };
    let result = cur::validate(source, &options, &|_| {}, &CancelToken::default()).unwrap();
    assert!(
        !*timed_out.lock().unwrap(),
        "the data of one report waited for another report's manifest"
    );
    assert_eq!(result.reports.len(), 2, "{result:#?}");
    assert!(result.reports.iter().all(|r| r.valid), "{result:#?}");
}
