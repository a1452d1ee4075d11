//! Rights at the application layer: every action a user may not take is refused
//! with its error code — for a Viewer, for an Admin of another branch of the
//! tree, and for a customer's Admin acting on its reseller — through the same
//! `app::Session` functions the window, the CLI and the test bridge call. The
//! Part 3 steps are refused before anything is asked of AWS: the sessions point
//! at an endpoint where nothing listens, so reaching AWS would give another code.

// Test code: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use channelops_core::app::{AwsDefaults, NewContractInput, NewWorkspaceInput, Session};
use channelops_core::auth::{self, OrgKind, Role};
use channelops_core::aws::insights::InsightKind;
use channelops_core::onboarding::{ContractStatus, CustomerChanges, NewCustomer};
use channelops_core::store::Store;
use channelops_core::{CoreError, ErrorCode};

const PW: &str = "a long enough password";

/// Nothing listens there: an AWS call would fail as unreachable, not as refused.
fn no_aws() -> AwsDefaults {
    AwsDefaults {
        profile: None,
        endpoint_url: Some("http://127.0.0.1:9".into()),
    }
}

fn session(db: &Path) -> Session {
    Session::new(Some(db.to_owned()), no_aws())
}

async fn signed_in(db: &Path, email: &str) -> Session {
    let s = session(db);
    s.sign_in(email.into(), PW.into()).await.unwrap();
    s
}

/// An Admin created directly in an organization (resellers get their Admins on
/// their own machines; the test puts them in the distributor's database).
fn admin_of(db: &Path, org: &str, email: &str) {
    let mut store = Store::open(db).unwrap();
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, 'x', 'admin', ?4, '2026-01-01T00:00:00Z')",
                rusqlite::params![email, org, email, auth::hash_password(PW)?],
            )?;
            Ok(())
        })
        .unwrap();
}

struct World {
    _dir: tempfile::TempDir,
    db: PathBuf,
    customer: String,
    account: String,
    reseller: String,
}

/// A distributor with resellers R1 and R2; R1's customer Acme with an active
/// contract and its activated Admin Ann, who entered an AWS account; a Viewer of
/// R1; an Admin of R2.
async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dist.db");
    let dana = session(&db);
    dana.init_workspace(NewWorkspaceInput {
        kind: OrgKind::Distributor,
        name: "Dist".into(),
        domain: "dist.example".into(),
        admin_email: "dana@dist.example".into(),
        admin_name: "Dana".into(),
        password: PW.into(),
    })
    .await
    .unwrap();
    let r1 = dana
        .add_reseller("Resell One".into(), "r1.example".into())
        .await
        .unwrap();
    let r2 = dana
        .add_reseller("Resell Two".into(), "r2.example".into())
        .await
        .unwrap();
    admin_of(&db, &r1, "rita@r1.example");
    admin_of(&db, &r2, "otto@r2.example");
    let rita = signed_in(&db, "rita@r1.example").await;
    rita.add_user(
        "vic@r1.example".into(),
        "Vic".into(),
        Role::Viewer,
        PW.into(),
    )
    .await
    .unwrap();
    let added = rita
        .add_customer(
            NewCustomer {
                parent_id: "Resell One".into(),
                name: "Acme".into(),
                domain: "acme.example".into(),
                contact_name: "Ann".into(),
                contact_email: "ann@acme.example".into(),
                complete_later: false,
            },
            None,
        )
        .await
        .unwrap();
    rita.add_contract(contract(&added.customer_id), ContractStatus::Active)
        .await
        .unwrap();
    let ann = session(&db);
    ann.activate_code(
        "ann@acme.example".into(),
        added.invitation.code.clone(),
        PW.into(),
    )
    .await
    .unwrap();
    let account = ann
        .add_account(added.customer_id.clone(), "111122223333".into())
        .await
        .unwrap();
    World {
        _dir: dir,
        db,
        customer: added.customer_id,
        account: account.id,
        reseller: r1,
    }
}

fn contract(customer: &str) -> NewContractInput {
    NewContractInput {
        customer_id: customer.into(),
        start_date: "2026-11-01".into(),
        end_date: None,
        plan: "Standard".into(),
        notes: String::new(),
    }
}

fn acme_under(parent: &str) -> NewCustomer {
    NewCustomer {
        parent_id: parent.into(),
        name: "Globex".into(),
        domain: "globex.example".into(),
        contact_name: "Gil".into(),
        contact_email: "gil@globex.example".into(),
        complete_later: false,
    }
}

/// The code of a refusal (a success is a failed test, named by `what`).
fn refused<T: std::fmt::Debug>(what: &str, r: Result<T, CoreError>) -> ErrorCode {
    match r {
        Ok(v) => panic!("{what}: allowed ({v:?})"),
        Err(e) => e.code(),
    }
}

/// Every action on Acme and its AWS account, each refused with the code given:
/// `denied` where the user may see the thing but not act, `hidden` for what the
/// user may not see at all.
async fn refuse_everything(
    s: &Session,
    w: &World,
    who: &str,
    denied: ErrorCode,
    hidden: ErrorCode,
) {
    let c = || w.customer.clone();
    let a = || w.account.clone();
    let out = w.db.with_file_name(format!("{who}.out"));
    let checks: Vec<(&str, ErrorCode, ErrorCode)> = vec![
        (
            "add customer",
            denied,
            refused(
                "add customer",
                s.add_customer(acme_under("Resell One"), None).await,
            ),
        ),
        (
            "edit customer",
            denied,
            refused(
                "edit customer",
                s.edit_customer(
                    c(),
                    CustomerChanges {
                        name: Some("X".into()),
                        ..Default::default()
                    },
                )
                .await,
            ),
        ),
        (
            "add contract",
            denied,
            refused(
                "add contract",
                s.add_contract(contract(&w.customer), ContractStatus::Active)
                    .await,
            ),
        ),
        (
            "export invitation",
            denied,
            refused(
                "export invitation",
                s.export_invitation(c(), out.clone(), None).await,
            ),
        ),
        (
            "export report",
            denied,
            refused("export report", s.export_report(c(), out.clone()).await),
        ),
        (
            "add account",
            denied,
            refused(
                "add account",
                s.add_account(c(), "444455556666".into()).await,
            ),
        ),
        (
            "check bucket",
            hidden,
            refused(
                "check bucket",
                s.check_bucket(None, a(), "acme-cur".into(), String::new())
                    .await,
            ),
        ),
        (
            "watch stack",
            hidden,
            refused("watch stack", s.watch_stack(None, a(), |_| {}).await),
        ),
        (
            "list CURs",
            hidden,
            refused("list CURs", s.list_curs(None, a(), |_| {}).await),
        ),
        (
            "confirm CUR",
            hidden,
            refused(
                "confirm CUR",
                s.confirm_cur(a(), "cur-parquet".into()).await,
            ),
        ),
        (
            "complete",
            hidden,
            refused(
                "complete",
                s.complete_account(a(), vec![InsightKind::SecurityHub])
                    .await,
            ),
        ),
        (
            "set a setting",
            ErrorCode::NotAllowed,
            refused(
                "set a setting",
                s.set_setting("stack_name".into(), "Other".into()).await,
            ),
        ),
        (
            "add a reseller",
            ErrorCode::NotAllowed,
            refused(
                "add a reseller",
                s.add_reseller("R3".into(), "r3.example".into()).await,
            ),
        ),
    ];
    for (what, expected, got) in checks {
        assert_eq!(got, expected, "{who}: {what}");
    }
    assert!(!out.exists(), "{who}: nothing was written");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_may_look_but_not_act() {
    let w = world().await;
    let vic = signed_in(&w.db, "vic@r1.example").await;
    // What a Viewer sees.
    assert_eq!(vic.progress().await.unwrap().len(), 1);
    assert_eq!(vic.accounts(w.customer.clone()).await.unwrap().len(), 1);
    // What a Viewer may not do: everything else, refused as not allowed.
    refuse_everything(
        &vic,
        &w,
        "viewer",
        ErrorCode::NotAllowed,
        ErrorCode::NotAllowed,
    )
    .await;
    assert_eq!(
        refused(
            "add user",
            vic.add_user("x@r1.example".into(), "X".into(), Role::Viewer, PW.into())
                .await
        ),
        ErrorCode::NotAllowed
    );
    assert_eq!(
        refused("audit log", vic.audit_log(10).await),
        ErrorCode::NotAllowed
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_of_another_branch_sees_nothing_of_it() {
    let w = world().await;
    let otto = signed_in(&w.db, "otto@r2.example").await;
    assert!(
        otto.progress().await.unwrap().is_empty(),
        "Acme is not Otto's"
    );
    assert_eq!(
        refused("accounts", otto.accounts(w.customer.clone()).await),
        ErrorCode::NotFound
    );
    assert_eq!(
        refused("contracts", otto.contracts(w.customer.clone()).await),
        ErrorCode::NotFound
    );
    assert_eq!(
        refused("latest CURs", otto.latest_curs(w.account.clone()).await),
        ErrorCode::NotFound
    );
    assert_eq!(
        refused("stack link", otto.stack_link(w.account.clone()).await),
        ErrorCode::NotFound
    );
    refuse_everything(
        &otto,
        &w,
        "other-branch",
        ErrorCode::NotAllowed,
        ErrorCode::NotFound,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_admin_may_not_act_on_its_reseller() {
    let w = world().await;
    let ann = signed_in(&w.db, "ann@acme.example").await;
    let out = w.db.with_file_name("ann.out");
    for (what, got) in [
        (
            "add a customer under her reseller",
            refused("", ann.add_customer(acme_under(&w.reseller), None).await),
        ),
        (
            "contract for herself",
            refused(
                "",
                ann.add_contract(contract(&w.customer), ContractStatus::Active)
                    .await,
            ),
        ),
        (
            "edit her own profile",
            refused(
                "",
                ann.edit_customer(w.customer.clone(), CustomerChanges::default())
                    .await,
            ),
        ),
        (
            "a new invitation",
            refused(
                "",
                ann.export_invitation(w.customer.clone(), out.clone(), None)
                    .await,
            ),
        ),
        (
            "the reseller's settings",
            refused(
                "",
                ann.set_setting("aws_endpoint_url".into(), "http://evil.example".into())
                    .await,
            ),
        ),
        (
            "a reseller",
            refused("", ann.add_reseller("R3".into(), "r3.example".into()).await),
        ),
    ] {
        assert_eq!(got, ErrorCode::NotAllowed, "{what}");
    }
    assert!(!out.exists());
    // Her own Part 3 is hers: the bucket step gets as far as AWS (here: unreachable).
    let err = ann
        .check_bucket(None, w.account.clone(), "acme-cur".into(), String::new())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err.code(),
            ErrorCode::AwsUnreachable | ErrorCode::AwsCredentials | ErrorCode::Aws
        ),
        "{err}"
    );
}
