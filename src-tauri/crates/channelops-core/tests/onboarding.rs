//! The onboarding domain on a real SQLite file: rights along the hierarchy, Parts
//! 1–3, invitations and hand-over files, progress, audit, bulk import.

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use channelops_core::auth::{self, Actor, OrgKind, Role};
use channelops_core::aws::bucket::BucketStatus;
use channelops_core::aws::insights::InsightKind;
use channelops_core::aws::stack::{StackPhase, StackStatus};
use channelops_core::connect;
use channelops_core::cur::fixtures::{self, CurSpec, Storage};
use channelops_core::cur::{self, CancelToken, Options};
use channelops_core::handover::{self, BundleSource};
use channelops_core::onboarding::{
    self as ob, AccountState, ContractStatus, NewContract, NewCustomer,
};
use channelops_core::progress::{self, Health, Step};
use channelops_core::store::Store;

const PW: &str = "a long enough password";

/// What the bucket step finds for a usable bucket.
fn bucket_ok(bucket: &str) -> BucketStatus {
    BucketStatus {
        bucket: bucket.into(),
        region: Some("us-east-1".into()),
        ok: true,
        problem: None,
        remedy: None,
        objects_seen: 1,
    }
}

/// What the stack watch finds for a created stack with its role.
fn stack_done() -> StackStatus {
    StackStatus {
        stack_name: "ChannelOpsCurAccess".into(),
        phase: StackPhase::Complete,
        status: Some("CREATE_COMPLETE".into()),
        reason: None,
        failed_resource: None,
        role_arn: Some("arn:aws:iam::111122223333:role/ChannelOpsCurAccess".into()),
        role_verified: Some(true),
        next_step: channelops_core::text!("stack-next-done"),
    }
}

/// The verdict on one generated fixture variant (`daily`, `valid-parquet-athena`, …).
fn verdict_of(variant: &str) -> cur::ValidationResult {
    let dir = tempfile::tempdir().unwrap();
    fixtures::write_all_variants(dir.path()).unwrap();
    cur::validate(
        cur::open_local(&dir.path().join(variant)).unwrap(),
        &Options::default(),
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap()
}

/// Part 3 through its real transitions, each with its evidence: bucket, stack, a
/// valid CUR list, confirm, complete.
fn walk_to_completed(store: &mut Store, actor: &Actor, account_id: &str, insights: &[InsightKind]) {
    connect::record_bucket(store, actor, account_id, &bucket_ok("acme-cur"), "").unwrap();
    connect::record_stack(store, actor, account_id, &stack_done()).unwrap();
    let good = verdict_of("valid-parquet-athena");
    connect::record_listing(store, actor, account_id, &good, None).unwrap();
    connect::confirm_report(store, actor, account_id, "cur-parquet").unwrap();
    connect::complete(store, actor, account_id, insights).unwrap();
}

struct World {
    _dir: tempfile::TempDir,
    store: Store,
    dist: Actor,
    reseller_id: String,
    reseller_admin: Actor,
    other_reseller_admin: Actor,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("reseller.db")).unwrap();
    let dist = ob::init_workspace(
        &mut store,
        ob::NewWorkspace {
            kind: OrgKind::Distributor,
            name: "Dist",
            domain: "dist.example",
            admin_email: "d@dist.example",
            admin_name: "Dana",
            password: PW,
        },
    )
    .unwrap();
    let reseller_id = ob::add_reseller(&mut store, &dist, "Resell One", "r1.example").unwrap();
    let other_id = ob::add_reseller(&mut store, &dist, "Resell Two", "r2.example").unwrap();
    let mut admin_of = |org: &str, email: &str| {
        // A reseller's Admin, created directly for the test.
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, 'x', 'admin', ?4, '2026-01-01T00:00:00Z')",
                    rusqlite::params![email, org, email, auth::hash_password(PW)?],
                )?;
                Ok(())
            })
            .unwrap();
        auth::sign_in(store.conn(), email, PW).unwrap()
    };
    let reseller_admin = admin_of(&reseller_id, "r@r1.example");
    let other_reseller_admin = admin_of(&other_id, "r@r2.example");
    World {
        _dir: dir,
        store,
        dist,
        reseller_id,
        reseller_admin,
        other_reseller_admin,
    }
}

fn new_customer(parent: &str, name: &str, email: &str) -> NewCustomer {
    NewCustomer {
        parent_id: parent.into(),
        name: name.into(),
        domain: format!("{}.example", name.to_lowercase()),
        contact_name: "Ann".into(),
        contact_email: email.into(),
        complete_later: false,
    }
}

fn contract(customer: &str) -> NewContract<'_> {
    NewContract {
        customer_id: customer,
        start_date: "2026-11-01",
        end_date: None,
        plan: "Standard",
        notes: "",
        status: ContractStatus::Active,
    }
}

#[test]
fn rights_follow_the_hierarchy_and_refusals_say_who_may_act() {
    let mut w = world();
    // The reseller Admin adds under itself; the distributor Admin may too.
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    handover::add_customer(
        &mut w.store,
        &w.dist,
        &new_customer(&w.reseller_id, "Beta", "b@beta.example"),
    )
    .unwrap();
    // Another reseller's Admin may not.
    let err = handover::add_customer(
        &mut w.store,
        &w.other_reseller_admin,
        &new_customer(&w.reseller_id, "Gamma", "g@gamma.example"),
    )
    .unwrap_err();
    assert_eq!(err.code().as_str(), "not_allowed");
    assert!(
        err.to_string().contains("Resell One (reseller)")
            && err.to_string().contains("Dist (distributor)"),
        "{err}"
    );
    let err = ob::add_contract(
        &mut w.store,
        &w.other_reseller_admin,
        contract(&acme.customer_id),
    )
    .unwrap_err();
    assert_eq!(err.code().as_str(), "not_allowed");
    // A Viewer may not act either.
    ob::add_user(
        &mut w.store,
        &w.dist,
        "v@dist.example",
        "Vic",
        Role::Viewer,
        PW,
    )
    .unwrap();
    let viewer = auth::sign_in(w.store.conn(), "v@dist.example", PW).unwrap();
    let err = ob::add_contract(&mut w.store, &viewer, contract(&acme.customer_id)).unwrap_err();
    assert!(err.to_string().contains("a Viewer"), "{err}");
    // Listing sees only one's own subtree.
    let seen = ob::list_orgs(
        w.store.conn(),
        &w.other_reseller_admin,
        OrgKind::Customer,
        None,
    )
    .unwrap();
    assert!(seen.is_empty());
    assert_eq!(
        ob::list_orgs(w.store.conn(), &w.dist, OrgKind::Customer, Some("acm"))
            .unwrap()
            .len(),
        1
    );
    // The parent must be a reseller, chosen explicitly.
    let err = handover::add_customer(
        &mut w.store,
        &w.dist,
        &new_customer(&w.dist.org_id, "Delta", "d@delta.example"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not a reseller"), "{err}");
}

#[test]
fn a_customer_is_added_under_the_resellers_the_actor_may_choose() {
    let w = world();
    let names = |a: &Actor| -> Vec<String> {
        ob::customer_parents(w.store.conn(), a)
            .unwrap()
            .into_iter()
            .map(|o| o.name)
            .collect()
    };
    assert_eq!(names(&w.dist), ["Resell One", "Resell Two"]);
    assert_eq!(names(&w.reseller_admin), ["Resell One"]);
    assert_eq!(names(&w.other_reseller_admin), ["Resell Two"]);
}

#[test]
fn input_is_validated_with_a_remedy() {
    let mut w = world();
    let mut bad = new_customer(&w.reseller_id, "Acme", "not-an-email");
    let err = handover::add_customer(&mut w.store, &w.reseller_admin, &bad).unwrap_err();
    assert!(err.to_string().contains("email"), "{err}");
    bad.contact_email = "ann@acme.example".into();
    bad.domain = "http://acme.example/x".into();
    let err = handover::add_customer(&mut w.store, &w.reseller_admin, &bad).unwrap_err();
    assert!(err.remedy().contains("example.com"), "{}", err.remedy());
    assert!(channelops_core::ids::aws_account_id("1234").is_err());
    assert_eq!(
        channelops_core::ids::aws_account_id("1111-2222-3333").unwrap(),
        "111122223333"
    );
}

#[test]
fn one_active_contract_and_part3_needs_it() {
    let mut w = world();
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    let err = ob::add_account(
        &mut w.store,
        &w.reseller_admin,
        &acme.customer_id,
        "111122223333",
    )
    .unwrap_err();
    assert_eq!(err.code().as_str(), "not_allowed");
    assert!(
        err.remedy().contains("Resell One"),
        "who must act: {}",
        err.remedy()
    );

    let first =
        ob::add_contract(&mut w.store, &w.reseller_admin, contract(&acme.customer_id)).unwrap();
    let err =
        ob::add_contract(&mut w.store, &w.reseller_admin, contract(&acme.customer_id)).unwrap_err();
    assert_eq!(err.code().as_str(), "conflict");
    let draft = ob::add_contract(
        &mut w.store,
        &w.reseller_admin,
        NewContract {
            status: ContractStatus::Draft,
            ..contract(&acme.customer_id)
        },
    )
    .unwrap();
    assert!(
        ob::set_contract_status(
            &mut w.store,
            &w.reseller_admin,
            &draft.id,
            ContractStatus::Active
        )
        .is_err()
    );
    ob::set_contract_status(
        &mut w.store,
        &w.reseller_admin,
        &first.id,
        ContractStatus::Ended,
    )
    .unwrap();
    ob::set_contract_status(
        &mut w.store,
        &w.reseller_admin,
        &draft.id,
        ContractStatus::Active,
    )
    .unwrap();
    let account = ob::add_account(
        &mut w.store,
        &w.reseller_admin,
        &acme.customer_id,
        "111122223333",
    )
    .unwrap();
    assert_eq!(account.state, AccountState::Entered);
    assert!(account.external_id.len() >= 32);
}

#[test]
fn invitation_activates_on_another_machine_once_and_refuses_tampering_and_expiry() {
    let mut w = world();
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    ob::add_contract(&mut w.store, &w.reseller_admin, contract(&acme.customer_id)).unwrap();
    let inv =
        handover::issue_invitation(&mut w.store, &w.reseller_admin, &acme.customer_id).unwrap();
    // The code is stored only as a hash, never in clear.
    let dump: Vec<String> = w
        .store
        .conn()
        .prepare("SELECT code_hash FROM invitations")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(dump.iter().all(|h| h.len() == 64 && !h.contains(&inv.code)));
    assert!(
        inv.code.chars().filter(char::is_ascii_alphanumeric).count() >= 26,
        "≥ 128 bits"
    );
    assert!(inv.welcome_eml.contains("Content-Disposition: attachment"));
    assert!(inv.mailto.starts_with("mailto:ann%40acme.example?subject="));

    let dir = tempfile::tempdir().unwrap();
    let customer_db = dir.path().join("customer.db");
    let count = |p: &Path| {
        Store::open(p)
            .unwrap()
            .conn()
            .query_row("SELECT count(*) FROM orgs", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };

    // Tampered: one character of the payload changed.
    let tampered = inv.file.replace("Acme", "Acne");
    let mut store = Store::open(&customer_db).unwrap();
    let err =
        handover::activate_invitation(&mut store, tampered.as_bytes(), &inv.code, PW).unwrap_err();
    assert_eq!(err.code().as_str(), "invalid_file");
    assert!(err.to_string().contains("changed"), "{err}");
    // The file alone activates nothing: it holds no code, only its verifier.
    let normalized: String = inv
        .code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    assert!(!inv.file.contains(&inv.code) && !inv.file.contains(&normalized));
    for typed in ["", "AAAAA-BBBBB"] {
        let err =
            handover::activate_invitation(&mut store, inv.file.as_bytes(), typed, PW).unwrap_err();
        assert!(err.to_string().contains("code does not match"), "{err}");
    }
    drop(store);
    assert_eq!(count(&customer_db), 0, "nothing written on refusal");
    assert!(
        !handover::key_path(&customer_db).exists(),
        "no key made on refusal"
    );

    // Expired: a validly signed invitation whose date has passed.
    let mut payload: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&inv.file).unwrap()["payload"].clone();
    payload["expires_at"] = "2020-01-01T00:00:00Z".into();
    let expired = handover::seal(
        &handover::load_key(w.store.path()).unwrap(),
        handover::INVITATION_FORMAT,
        &payload,
    )
    .unwrap();
    let mut store = Store::open(&customer_db).unwrap();
    let err =
        handover::activate_invitation(&mut store, expired.as_bytes(), &inv.code, PW).unwrap_err();
    assert!(
        err.to_string().contains("expired") && err.remedy().contains("Resell One"),
        "{err}"
    );
    // Expiry is a date, not text: "9" sorts after every date but is none.
    payload["expires_at"] = "9".into();
    let odd = handover::seal(
        &handover::load_key(w.store.path()).unwrap(),
        handover::INVITATION_FORMAT,
        &payload,
    )
    .unwrap();
    let err = handover::activate_invitation(&mut store, odd.as_bytes(), &inv.code, PW).unwrap_err();
    assert!(err.to_string().contains("expired"), "{err}");

    // The real one, with the typed code in another case and spacing.
    let typed = inv.code.to_lowercase().replace('-', " ");
    let activated =
        handover::activate_invitation(&mut store, inv.file.as_bytes(), &typed, PW).unwrap();
    assert_eq!(activated.reseller, "Resell One");
    assert!(
        activated.signer.starts_with("SHA256:"),
        "{}",
        activated.signer
    );
    let ann = activated.actor;
    assert_eq!(
        (ann.org_kind, ann.role, ann.org_name.as_str()),
        (OrgKind::Customer, Role::Admin, "Acme")
    );
    assert!(auth::sign_in(store.conn(), "ann@acme.example", PW).is_ok());
    // The contract came along, so Part 3 can start on this machine.
    assert!(ob::require_active_contract(store.conn(), &acme.customer_id).is_ok());
    // Reused.
    let err =
        handover::activate_invitation(&mut store, inv.file.as_bytes(), &inv.code, PW).unwrap_err();
    assert!(err.to_string().contains("already been used"), "{err}");
    // The customer Admin may act on its own cloud accounts, not add customers.
    assert!(ob::add_account(&mut store, &ann, &acme.customer_id, "111122223333").is_ok());
    let reseller = ob::find_org(store.conn(), "Resell One", Some(OrgKind::Reseller)).unwrap();
    assert!(
        handover::add_customer(
            &mut store,
            &ann,
            &new_customer(&reseller.id, "Zed", "z@zed.example")
        )
        .is_err()
    );
}

#[test]
fn progress_is_derived_from_the_records_step_by_step() {
    let mut w = world();
    let mut later = new_customer(&w.reseller_id, "Later", "l@later.example");
    later.complete_later = true;
    handover::add_customer(&mut w.store, &w.reseller_admin, &later).unwrap();
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    let step = |store: &Store| {
        progress::progress(store.conn(), &w.dist)
            .unwrap()
            .into_iter()
            .map(|p| (p.customer.clone(), p))
            .collect::<std::collections::HashMap<_, _>>()
    };
    let p = step(&w.store);
    assert_eq!((p["Later"].part, p["Later"].step), (1, Step::Profile));
    assert_eq!((p["Acme"].part, p["Acme"].step), (2, Step::Contract));
    assert_eq!(p["Acme"].who_must_act.en(), "Admin of Resell One");
    assert_eq!(p["Acme"].who_must_act.id, "who-parent-admin");
    assert_eq!(p["Acme"].health, Health::NotAvailable);

    ob::add_contract(&mut w.store, &w.reseller_admin, contract(&acme.customer_id)).unwrap();
    assert_eq!(step(&w.store)["Acme"].step, Step::Activate);
    assert!(
        step(&w.store)["Acme"]
            .who_must_act
            .en()
            .contains("ann@acme.example")
    );

    let code = acme.invitation.code.clone();
    handover::activate_code(&mut w.store, "ann@acme.example", &code, PW).unwrap();
    let ann = auth::sign_in(w.store.conn(), "ann@acme.example", PW).unwrap();
    assert_eq!(step(&w.store)["Acme"].step, Step::Account);
    let account = ob::add_account(&mut w.store, &ann, &acme.customer_id, "111122223333").unwrap();
    assert_eq!(step(&w.store)["Acme"].step, Step::Bucket);
    connect::record_bucket(&mut w.store, &ann, &account.id, &bucket_ok("acme-cur"), "").unwrap();
    connect::record_stack(&mut w.store, &ann, &account.id, &stack_done()).unwrap();
    assert_eq!(step(&w.store)["Acme"].step, Step::Validate);

    // A failing validation blocks; a valid one moves on.
    let daily = verdict_of("daily");
    connect::record_validation(&mut w.store, &ann, &account.id, &daily).unwrap();
    let p = step(&w.store);
    assert_eq!(
        (p["Acme"].health, p["Acme"].blocker.is_some()),
        (Health::Failed, true)
    );
    let good = verdict_of("valid-parquet-athena");
    connect::record_listing(&mut w.store, &ann, &account.id, &good, None).unwrap();
    assert_eq!(step(&w.store)["Acme"].step, Step::Confirm);
    assert_eq!(step(&w.store)["Acme"].health, Health::Valid);
    connect::confirm_report(&mut w.store, &ann, &account.id, "cur-parquet").unwrap();
    connect::complete(&mut w.store, &ann, &account.id, &[InsightKind::SecurityHub]).unwrap();
    let done = &step(&w.store)["Acme"];
    assert_eq!((done.part, done.step, done.percent), (4, Step::Done, 100));

    // Every change was audited, with its actor.
    let log = ob::audit_log(w.store.conn(), &w.reseller_admin, 100).unwrap();
    for action in [
        "customer.add",
        "contract.add",
        "invitation.issue",
        "invitation.activate",
        "account.add",
        "account.update",
        "validation.record",
    ] {
        assert!(
            log.iter().any(|e| e.action == action),
            "no audit entry {action}"
        );
    }
    assert!(
        log.iter()
            .any(|e| e.action == "account.add" && e.actor == "ann@acme.example")
    );
}

#[test]
fn the_onboarding_report_updates_the_resellers_view_and_pins_the_customer_key() {
    let mut w = world();
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    ob::add_contract(&mut w.store, &w.reseller_admin, contract(&acme.customer_id)).unwrap();
    let inv =
        handover::issue_invitation(&mut w.store, &w.reseller_admin, &acme.customer_id).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut customer = Store::open(&dir.path().join("c.db")).unwrap();
    let ann = handover::activate_invitation(&mut customer, inv.file.as_bytes(), &inv.code, PW)
        .unwrap()
        .actor;
    let account = ob::add_account(&mut customer, &ann, &acme.customer_id, "111122223333").unwrap();
    // A report from before the customer finished (kept, or replayed later).
    let early = handover::export_report(&customer, &ann, &acme.customer_id).unwrap();
    walk_to_completed(
        &mut customer,
        &ann,
        &account.id,
        &[InsightKind::TrustedAdvisor],
    );
    let report = handover::export_report(&customer, &ann, &acme.customer_id).unwrap();

    assert!(
        handover::import_report(&mut w.store, &w.other_reseller_admin, report.as_bytes()).is_err(),
        "not their customer"
    );
    // The preview says what the import will do, with its checks, and writes nothing.
    let audit_rows = |s: &Store| -> i64 {
        s.conn()
            .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
            .unwrap()
    };
    let audited = audit_rows(&w.store);
    let preview =
        handover::preview_report(&mut w.store, &w.reseller_admin, report.as_bytes()).unwrap();
    assert!(preview.pinned_now, "the first report would pin the key");
    assert_eq!(preview.changes.len(), 1);
    let change = &preview.changes[0];
    assert_eq!(change.aws_account_id, "111122223333");
    assert_eq!(
        (change.before, change.after, change.kept),
        (None, AccountState::Completed, false)
    );
    assert_eq!(audit_rows(&w.store), audited, "the preview wrote nothing");
    assert_ne!(
        progress::progress(w.store.conn(), &w.reseller_admin).unwrap()[0].step,
        Step::Done,
        "the reseller's view is unchanged until the import"
    );
    assert!(
        handover::preview_report(&mut w.store, &w.other_reseller_admin, report.as_bytes()).is_err(),
        "the preview checks rights as the import does"
    );
    let imported =
        handover::import_report(&mut w.store, &w.reseller_admin, report.as_bytes()).unwrap();
    assert!(imported.pinned_now && imported.signer.starts_with("SHA256:"));
    assert_eq!(imported.changes.len(), 1);
    // Previewed again after the import: nothing left to change, the key already trusted.
    let again =
        handover::preview_report(&mut w.store, &w.reseller_admin, report.as_bytes()).unwrap();
    assert!(!again.pinned_now);
    assert_eq!(again.changes[0].before, Some(AccountState::Completed));
    let p = progress::progress(w.store.conn(), &w.reseller_admin).unwrap();
    assert_eq!(p[0].step, Step::Done);
    let accounts = ob::list_accounts(w.store.conn(), &w.reseller_admin, &acme.customer_id).unwrap();
    assert_eq!(
        (accounts[0].bucket.as_deref(), accounts[0].insights.clone()),
        (Some("acme-cur"), vec!["trusted_advisor".to_owned()])
    );

    // The earlier report, imported after the later one, takes nothing back.
    handover::import_report(&mut w.store, &w.reseller_admin, early.as_bytes()).unwrap();
    let p = progress::progress(w.store.conn(), &w.reseller_admin).unwrap();
    assert_eq!(
        p[0].step,
        Step::Done,
        "an older report never moves an account backwards"
    );
    let accounts = ob::list_accounts(w.store.conn(), &w.reseller_admin, &acme.customer_id).unwrap();
    assert_eq!(accounts[0].bucket.as_deref(), Some("acme-cur"));

    // The customer sets the app up again: a report from the new workspace is
    // refused until a new invitation's code proves its key; then the new key is
    // the customer's, and the old one is refused.
    let mut reinstalled = Store::open(&dir.path().join("reinstalled.db")).unwrap();
    let old_inv_again =
        handover::activate_invitation(&mut reinstalled, inv.file.as_bytes(), &inv.code, PW);
    assert!(
        old_inv_again.is_ok(),
        "a fresh database accepts the old (unused there) invitation"
    );
    let stale = handover::export_report(
        &reinstalled,
        &old_inv_again.unwrap().actor,
        &acme.customer_id,
    )
    .unwrap();
    let err =
        handover::import_report(&mut w.store, &w.reseller_admin, stale.as_bytes()).unwrap_err();
    assert!(
        err.to_string().contains("different workspace"),
        "the old code cannot move the key: {err}"
    );
    let mut fresh = Store::open(&dir.path().join("fresh.db")).unwrap();
    // Times have one-second steps: the new invitation is issued after the pin.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let other_inv =
        handover::issue_invitation(&mut w.store, &w.reseller_admin, &acme.customer_id).unwrap();
    let fresh_ann =
        handover::activate_invitation(&mut fresh, other_inv.file.as_bytes(), &other_inv.code, PW)
            .unwrap()
            .actor;
    let renewed = handover::export_report(&fresh, &fresh_ann, &acme.customer_id).unwrap();
    let imported =
        handover::import_report(&mut w.store, &w.reseller_admin, renewed.as_bytes()).unwrap();
    assert!(imported.pinned_now, "a new invitation's code moves the key");
    let err =
        handover::import_report(&mut w.store, &w.reseller_admin, report.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("different workspace"), "{err}");
    // Tampered reports are refused.
    let tampered = report.replace("acme-cur", "evil-cur");
    assert!(handover::import_report(&mut w.store, &w.reseller_admin, tampered.as_bytes()).is_err());
}

/// Anyone who knows a customer's ID can make a workspace and sign a report for
/// it. Only the proof made with the invitation's code pins a key; a forged
/// report is refused, pins nothing, and does not lock the real customer out.
#[test]
fn a_forged_report_is_refused_and_does_not_lock_the_customer_out() {
    let mut w = world();
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    ob::add_contract(&mut w.store, &w.reseller_admin, contract(&acme.customer_id)).unwrap();
    let inv = acme.invitation.clone();
    let dir = tempfile::tempdir().unwrap();
    let mut customer = Store::open(&dir.path().join("c.db")).unwrap();
    let ann = handover::activate_invitation(&mut customer, inv.file.as_bytes(), &inv.code, PW)
        .unwrap()
        .actor;
    let real = handover::export_report(&customer, &ann, &acme.customer_id).unwrap();
    let real_payload: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&real).unwrap()["payload"].clone();

    let forger = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let forge = |proof: serde_json::Value| {
        let mut payload = real_payload.clone();
        payload["generated_by"] = "mallory@evil.example".into();
        payload["accounts"] = serde_json::json!([{
            "aws_account_id": "999999999999", "state": "completed", "bucket": "evil",
            "prefix": null, "report_name": null, "role_arn": null, "stack_id": null,
            "external_id": "x", "insights": [], "validation": null
        }]);
        payload["proof"] = proof;
        handover::seal(&forger, handover::REPORT_FORMAT, &payload).unwrap()
    };
    let attempts = [
        ("no proof", serde_json::Value::Null),
        (
            "a proof signed by another key",
            serde_json::json!({"invitation_id": real_payload["proof"]["invitation_id"], "signature": "AAAA"}),
        ),
        // The real report's proof vouches for the real key, not the forger's.
        ("the real proof replayed", real_payload["proof"].clone()),
    ];
    for (what, proof) in attempts {
        let err = handover::import_report(&mut w.store, &w.reseller_admin, forge(proof).as_bytes())
            .unwrap_err();
        assert!(err.to_string().contains("does not prove"), "{what}: {err}");
    }
    let pinned: i64 = w
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM trusted_keys WHERE org_id = ?1",
            [&acme.customer_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(pinned, 0, "a refused report pins nothing");
    assert!(
        ob::list_accounts(w.store.conn(), &w.reseller_admin, &acme.customer_id)
            .unwrap()
            .is_empty(),
        "nothing of a forged report is imported"
    );

    // The real customer's report pins its key; after that the forger's is refused for good.
    let imported =
        handover::import_report(&mut w.store, &w.reseller_admin, real.as_bytes()).unwrap();
    assert!(imported.pinned_now);
    let err = handover::import_report(
        &mut w.store,
        &w.reseller_admin,
        forge(real_payload["proof"].clone()).as_bytes(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("different workspace"), "{err}");
    // The same report again: accepted, nothing pinned anew, no duplicate run.
    let again = handover::import_report(&mut w.store, &w.reseller_admin, real.as_bytes()).unwrap();
    assert!(!again.pinned_now);
}

/// The customer pins the reseller's key from the first invitation: a later
/// invitation for the same reseller signed by another key is refused.
#[test]
fn an_invitation_signed_by_another_key_than_the_pinned_one_is_refused() {
    let mut w = world();
    let acme = handover::add_customer(
        &mut w.store,
        &w.reseller_admin,
        &new_customer(&w.reseller_id, "Acme", "ann@acme.example"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut customer = Store::open(&dir.path().join("c.db")).unwrap();
    let inv = &acme.invitation;
    handover::activate_invitation(&mut customer, inv.file.as_bytes(), &inv.code, PW).unwrap();
    // A second invitation, re-signed by someone else's key with a code they know.
    let second =
        handover::issue_invitation(&mut w.store, &w.reseller_admin, &acme.customer_id).unwrap();
    let mut payload: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&second.file).unwrap()["payload"].clone();
    let id = payload["invitation_id"].as_str().unwrap().to_owned();
    let code = "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-Z";
    payload["code_key"] = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        handover::code_key(&id, code).verifying_key().as_bytes(),
    )
    .into();
    let other = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]);
    let forged = handover::seal(&other, handover::INVITATION_FORMAT, &payload).unwrap();
    let err =
        handover::activate_invitation(&mut customer, forged.as_bytes(), code, PW).unwrap_err();
    assert!(err.to_string().contains("not signed by the key"), "{err}");
}

#[test]
fn a_diagnostic_bundle_gives_the_same_verdict_with_only_the_sampled_bytes() {
    let dir = tempfile::tempdir().unwrap();
    fixtures::write_all_variants(dir.path()).unwrap();
    let big = CurSpec {
        rows: 50_000,
        ..CurSpec::default()
    };
    fixtures::legacy_csv_report(
        &dir.path().join("big"),
        "p",
        "big",
        &big,
        Storage::GzipCsv,
        1,
    )
    .unwrap();
    let key = handover::load_key(&dir.path().join("ws.db")).unwrap();
    let options = Options {
        account_id: Some("111122223333".into()),
        ..Options::default()
    };
    for folder in ["valid-parquet-athena", "daily", "truncated", "cur2", "big"] {
        let source = cur::open_local(&dir.path().join(folder)).unwrap();
        let (original, bundle) = handover::validate_and_bundle(
            source,
            &options,
            &key,
            None,
            &|_| {},
            &CancelToken::default(),
        )
        .unwrap();
        assert!(
            BundleSource::sniff(bundle.as_bytes()),
            "{folder}: recognised as a bundle"
        );
        let replay = BundleSource::open(bundle.as_bytes()).unwrap();
        let again = cur::validate(
            std::sync::Arc::new(replay),
            &options,
            &|_| {},
            &CancelToken::default(),
        )
        .unwrap();
        assert_eq!(again.reports, original.reports, "{folder}");
        assert_eq!(again.selectable, original.selectable, "{folder}");
        if folder == "big" {
            assert!(
                (bundle.len() as u64) < again.bytes_total / 2,
                "the bundle holds the sample, not the data: {} vs {}",
                bundle.len(),
                again.bytes_total
            );
        }
    }
    // Malformed, tampered and traversal are refused.
    assert!(BundleSource::open(b"{}").is_err());
    let source = cur::open_local(&dir.path().join("daily")).unwrap();
    let (_, bundle) = handover::validate_and_bundle(
        source,
        &options,
        &key,
        None,
        &|_| {},
        &CancelToken::default(),
    )
    .unwrap();
    assert!(BundleSource::open(bundle.replacen("daily-cur", "other-cur", 1).as_bytes()).is_err());
    let mut v: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    v["payload"]["objects"][0]["key"] = "../../etc/passwd".into();
    let evil = handover::seal(&key, handover::BUNDLE_FORMAT, &v["payload"]).unwrap();
    let err = BundleSource::open(evil.as_bytes()).err().unwrap();
    assert!(err.to_string().contains("unsafe object key"), "{err}");
    let huge = vec![b' '; (handover::MAX_FILE_BYTES + 1) as usize];
    assert!(BundleSource::open(&huge).is_err());

    // The end of the app log, added on export, travels signed and changes no verdict.
    let log = handover::BundleLog {
        name: "channelops.2026-11-30.log".into(),
        text: "INFO ChannelOps started\n".into(),
    };
    let with_log = handover::with_log(&bundle, &key, log.clone()).unwrap();
    let opened = BundleSource::open(with_log.as_bytes()).unwrap();
    assert_eq!(opened.log, Some(log));
    assert_eq!(BundleSource::open(bundle.as_bytes()).unwrap().log, None);
    let too_long = handover::BundleLog {
        name: "x.log".into(),
        text: "x".repeat(channelops_core::limits::BUNDLE_LOG_BYTES as usize + 1),
    };
    assert!(handover::with_log(&bundle, &key, too_long).is_err());
}

#[test]
fn bulk_import_is_all_or_nothing_with_line_numbers() {
    let mut w = world();
    let bad = "name,domain,contact_name,contact_email,parent\n\
               Good One,good.example,Ann,a@good.example,Resell One\n\
               Bad Domain,not a domain,Bob,b@bad.example,Resell One\n\
               No Parent,np.example,Cy,c@np.example,Nobody\n\
               Dup,dup.example,Ann,a@good.example,Resell One\n";
    let err = ob::import_customers(&mut w.store, &w.dist, bad.as_bytes()).unwrap_err();
    let msg = err.to_string();
    for line in ["line 3:", "line 4:", "line 5:"] {
        assert!(msg.contains(line), "{msg}");
    }
    assert!(!msg.contains("line 2:"), "{msg}");
    assert!(
        ob::list_orgs(w.store.conn(), &w.dist, OrgKind::Customer, None)
            .unwrap()
            .is_empty(),
        "nothing imported"
    );

    let good = "name,domain,contact_name,contact_email,parent,complete_later\n\
                One,one.example,Ann,a@one.example,Resell One,\n\
                Two,two.example,Bob,b@two.example,Resell Two,yes\n";
    assert_eq!(
        ob::import_customers(&mut w.store, &w.dist, good.as_bytes()).unwrap(),
        2
    );
    let two = ob::find_org(w.store.conn(), "Two", Some(OrgKind::Customer)).unwrap();
    assert!(two.pending);
    // Rights apply row by row: a reseller cannot import into another reseller.
    let other = "name,domain,contact_name,contact_email,parent\nThree,three.example,C,c@three.example,Resell One\n";
    assert!(ob::import_customers(&mut w.store, &w.other_reseller_admin, other.as_bytes()).is_err());
}

#[test]
fn an_invitation_file_that_cannot_be_saved_leaves_the_previous_code_valid() {
    let mut w = world();
    let dir = tempfile::tempdir().unwrap();
    let (reseller, admin) = (w.reseller_id.clone(), w.reseller_admin.clone());
    let mut export = |name: &str, email: &str, path: &Path| {
        let added =
            handover::add_customer(&mut w.store, &admin, &new_customer(&reseller, name, email))
                .unwrap();
        let exported = handover::export_invitation(&mut w.store, &admin, &added.customer_id, path);
        let first_code_works =
            handover::activate_code(&mut w.store, email, &added.invitation.code, PW).is_ok();
        (exported, first_code_works)
    };
    // Not written: nothing was issued, the code given at creation still activates.
    let (exported, first_code_works) = export(
        "Acme",
        "ann@acme.example",
        &dir.path().join("missing/acme.json"),
    );
    assert_eq!(exported.unwrap_err().code().as_str(), "io");
    assert!(first_code_works);
    // Written: the file is the new invitation, whose code replaced the first one.
    let path = dir.path().join("globex.json");
    let (exported, first_code_works) = export("Globex", "gil@globex.example", &path);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        exported.unwrap().file
    );
    assert!(!first_code_works);
}
