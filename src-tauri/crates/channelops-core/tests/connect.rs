//! Part 3 as the wizard records it, on a real SQLite file: each step only moves the
//! account forward, a failed check records nothing, only a valid CUR of the latest
//! validation can be confirmed, and "Complete" needs a confirmed CUR.

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use channelops_core::auth::{self, Actor, OrgKind};
use channelops_core::aws::bucket::BucketStatus;
use channelops_core::aws::cur_definitions::{self, CurFormat, ReportDefinition};
use channelops_core::aws::cur_overview::CurOverview;
use channelops_core::aws::insights::InsightKind;
use channelops_core::aws::stack::{StackPhase, StackStatus};
use channelops_core::connect;
use channelops_core::cur::fixtures::{self, CurSpec, Granularity, Storage};
use channelops_core::cur::{self, CancelToken, Options};
use channelops_core::handover;
use channelops_core::onboarding::{self as ob, AccountState, NewContract, NewCustomer};
use channelops_core::progress::{self, Step};
use channelops_core::store::Store;

const PW: &str = "a long enough password";

/// A reseller's workspace with Acme (contract, Admin activated), signed in as Acme's Admin.
fn acme() -> (tempfile::TempDir, Store, Actor, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("ws.db")).unwrap();
    let rita = ob::init_workspace(
        &mut store,
        ob::NewWorkspace {
            kind: OrgKind::Reseller,
            name: "Resell One",
            domain: "r1.example",
            admin_email: "rita@r1.example",
            admin_name: "Rita",
            password: PW,
        },
    )
    .unwrap();
    let added = handover::add_customer(
        &mut store,
        &rita,
        &NewCustomer {
            parent_id: rita.org_id.clone(),
            name: "Acme".into(),
            domain: "acme.example".into(),
            contact_name: "Ann".into(),
            contact_email: "ann@acme.example".into(),
            complete_later: false,
        },
    )
    .unwrap();
    ob::add_contract(
        &mut store,
        &rita,
        NewContract {
            customer_id: &added.customer_id,
            start_date: "2026-11-01",
            end_date: None,
            plan: "Standard",
            notes: "",
            status: ob::ContractStatus::Active,
        },
    )
    .unwrap();
    handover::activate_code(&mut store, "ann@acme.example", &added.invitation.code, PW).unwrap();
    let ann = auth::sign_in(store.conn(), "ann@acme.example", PW).unwrap();
    (dir, store, ann, added.customer_id)
}

fn bucket_status(ok: bool) -> BucketStatus {
    BucketStatus {
        bucket: "acme-cur".into(),
        region: Some(if ok { "us-east-1" } else { "eu-west-1" }.into()),
        ok,
        problem: (!ok).then(|| channelops_core::text!("check-region-other", region = "eu-west-1")),
        remedy: (!ok).then(|| channelops_core::text!("remedy-region")),
        objects_seen: 0,
    }
}

fn stack_status(phase: StackPhase) -> StackStatus {
    StackStatus {
        stack_name: "ChannelOpsCurAccess".into(),
        phase,
        status: Some(
            match phase {
                StackPhase::Complete => "CREATE_COMPLETE",
                StackPhase::Failed => "ROLLBACK_COMPLETE",
                _ => "CREATE_IN_PROGRESS",
            }
            .into(),
        ),
        reason: None,
        failed_resource: None,
        role_arn: (phase == StackPhase::Complete)
            .then(|| "arn:aws:iam::111122223333:role/ChannelOpsCurAccess".into()),
        role_verified: None,
        next_step: channelops_core::text!("stack-next-done"),
    }
}

/// One valid hourly Parquet CUR and one daily (invalid) gzip CUR in one bucket copy.
fn listing() -> cur::ValidationResult {
    let dir = tempfile::tempdir().unwrap();
    fixtures::legacy_athena_report(dir.path(), "cur", "acme-hourly", &CurSpec::default(), 1)
        .unwrap();
    let daily = CurSpec {
        granularity: Granularity::Daily,
        ..CurSpec::default()
    };
    fixtures::legacy_csv_report(dir.path(), "cur", "acme-daily", &daily, Storage::GzipCsv, 1)
        .unwrap();
    cur::validate(
        cur::open_local(dir.path()).unwrap(),
        &Options {
            account_id: Some("111122223333".into()),
            ..Options::default()
        },
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap()
}

#[test]
fn each_step_records_what_it_found_and_only_moves_forward() {
    let (_dir, mut store, ann, acme) = acme();
    let step = |store: &Store| {
        progress::progress(store.conn(), &ann)
            .unwrap()
            .into_iter()
            .find(|p| p.customer_id == acme)
            .unwrap()
    };
    let account = ob::add_account(&mut store, &ann, &acme, "111122223333").unwrap();
    assert_eq!(account.state, AccountState::Entered);

    // A failed bucket check records nothing.
    let a =
        connect::record_bucket(&mut store, &ann, &account.id, &bucket_status(false), "").unwrap();
    assert_eq!(
        (a.state, a.bucket.as_deref()),
        (AccountState::Entered, None)
    );
    let a = connect::record_bucket(&mut store, &ann, &account.id, &bucket_status(true), "/cur/")
        .unwrap();
    assert_eq!(a.state, AccountState::BucketSet);
    assert_eq!(
        (a.bucket.as_deref(), a.prefix.as_deref()),
        (Some("acme-cur"), Some("cur"))
    );
    assert_eq!(step(&store).step, Step::Stack);

    // A stack still in progress or failed records nothing; a complete one its role.
    for phase in [
        StackPhase::NotFound,
        StackPhase::InProgress,
        StackPhase::Failed,
    ] {
        let a = connect::record_stack(&mut store, &ann, &account.id, &stack_status(phase)).unwrap();
        assert_eq!(a.state, AccountState::BucketSet, "{phase:?}");
    }
    let a = connect::record_stack(
        &mut store,
        &ann,
        &account.id,
        &stack_status(StackPhase::Complete),
    )
    .unwrap();
    assert_eq!(a.state, AccountState::StackCreated);
    assert_eq!(
        a.role_arn.as_deref(),
        Some("arn:aws:iam::111122223333:role/ChannelOpsCurAccess")
    );

    // Completing before a CUR is confirmed is refused with the way forward.
    let err = connect::complete(&mut store, &ann, &account.id, &[]).unwrap_err();
    assert!(err.remedy().contains("Confirm and proceed"), "{err:?}");

    // Confirming before any validation, or a report that is not valid, is refused.
    let err = connect::confirm_report(&mut store, &ann, &account.id, "acme-hourly").unwrap_err();
    assert!(err.to_string().contains("no valid CUR"), "{err}");
    let result = listing();
    assert_eq!(result.selectable, vec!["acme-hourly".to_owned()]);
    let a = connect::record_listing(&mut store, &ann, &account.id, &result, None).unwrap();
    assert_eq!(a.state, AccountState::CurValidated);
    assert_eq!(
        connect::latest_result(store.conn(), &account.id).unwrap(),
        Some(result)
    );
    let err = connect::confirm_report(&mut store, &ann, &account.id, "acme-daily").unwrap_err();
    assert!(err.to_string().contains("not one of the valid"), "{err}");
    let a = connect::confirm_report(&mut store, &ann, &account.id, "acme-hourly").unwrap();
    assert_eq!(
        (a.state, a.report_name.as_deref()),
        (AccountState::Confirmed, Some("acme-hourly"))
    );
    assert_eq!(step(&store).step, Step::Insights);

    // A step done again (the user went back) never moves the account backwards.
    let a =
        connect::record_bucket(&mut store, &ann, &account.id, &bucket_status(true), "cur").unwrap();
    assert_eq!(a.state, AccountState::Confirmed);

    let a = connect::complete(
        &mut store,
        &ann,
        &account.id,
        &[
            InsightKind::SecurityHub,
            InsightKind::TrustedAdvisor,
            InsightKind::SecurityHub,
        ],
    )
    .unwrap();
    assert_eq!(a.state, AccountState::Completed);
    assert_eq!(a.insights, vec!["security_hub", "trusted_advisor"]);
    let p = step(&store);
    assert_eq!((p.step, p.percent), (Step::Done, 100));
}

#[test]
fn a_listing_without_a_valid_cur_does_not_advance_and_shows_failed() {
    let (_dir, mut store, ann, acme) = acme();
    let account = ob::add_account(&mut store, &ann, &acme, "111122223333").unwrap();
    connect::record_bucket(&mut store, &ann, &account.id, &bucket_status(true), "").unwrap();
    connect::record_stack(
        &mut store,
        &ann,
        &account.id,
        &stack_status(StackPhase::Complete),
    )
    .unwrap();
    let mut result = listing();
    result.reports.retain(|r| !r.valid);
    result.selectable.clear();
    let a = connect::record_listing(&mut store, &ann, &account.id, &result, None).unwrap();
    assert_eq!(a.state, AccountState::StackCreated);
    let p = progress::progress(store.conn(), &ann).unwrap();
    assert_eq!(p[0].health, progress::Health::Failed);
    assert!(p[0].blocker.is_some());
}

/// What AWS says when the CUR was defined a minute ago: one right definition, no
/// delivery yet, and the bucket ready.
fn fresh_definition() -> CurOverview {
    let d = ReportDefinition::required("acme-new", "acme-cur", "cur", CurFormat::Parquet);
    CurOverview {
        account: "111122223333".into(),
        bucket: Some("acme-cur".into()),
        prefix: String::new(),
        definitions: vec![cur_definitions::judge(&d, Some("acme-cur"), "")],
        definitions_unanswered: None,
        exports: vec![],
        exports_unanswered: None,
        delivery: None,
        checked_at: "2026-11-30T10:00:00Z".into(),
    }
}

#[test]
fn a_right_definition_without_files_is_a_wait_not_a_failure() {
    let (_dir, mut store, ann, acme) = acme();
    let account = ob::add_account(&mut store, &ann, &acme, "111122223333").unwrap();
    connect::record_bucket(&mut store, &ann, &account.id, &bucket_status(true), "").unwrap();
    connect::record_stack(
        &mut store,
        &ann,
        &account.id,
        &stack_status(StackPhase::Complete),
    )
    .unwrap();
    let step = |store: &Store| progress::progress(store.conn(), &ann).unwrap().remove(0);
    let mut empty = listing();
    empty.reports.clear();
    empty.selectable.clear();
    let overview = fresh_definition();

    let a =
        connect::record_listing(&mut store, &ann, &account.id, &empty, Some(&overview)).unwrap();
    assert_eq!(a.state, AccountState::StackCreated);
    assert_eq!(a.awaiting_report.as_deref(), Some("acme-new"));
    let since = a.awaiting_since.clone().unwrap();
    let p = step(&store);
    assert_eq!(p.step, Step::AwaitDelivery);
    assert!(
        p.who_must_act.en().starts_with("Nobody"),
        "{}",
        p.who_must_act
    );
    assert_eq!(p.waiting_since.as_deref(), Some(since.as_str()));
    assert_eq!(p.health, progress::Health::NotAvailable);
    assert!(p.blocker.as_ref().unwrap().en().contains("acme-new"));
    assert_eq!(
        connect::latest_overview(store.conn(), &account.id).unwrap(),
        Some(overview.clone())
    );

    // Refresh later: still waiting, since the first time it was seen.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let a =
        connect::record_listing(&mut store, &ann, &account.id, &empty, Some(&overview)).unwrap();
    assert_eq!(a.awaiting_since.as_deref(), Some(since.as_str()));

    // A local copy says nothing about AWS: the wait stays.
    let a = connect::record_listing(&mut store, &ann, &account.id, &empty, None).unwrap();
    assert_eq!(a.awaiting_report.as_deref(), Some("acme-new"));

    // Delivered and valid: the wait is over and the account moves on.
    let a = connect::record_listing(&mut store, &ann, &account.id, &listing(), Some(&overview))
        .unwrap();
    assert_eq!(a.awaiting_report, None);
    assert_eq!(a.state, AccountState::CurValidated);
    assert_eq!(step(&store).step, Step::Confirm);
}
