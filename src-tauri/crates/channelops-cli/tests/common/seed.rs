//! A distributor's workspace seeded through the real CLI, as a reseller would set
//! it up: Dist (Admin Dee, `admin_email`), Resell One under it, its customer Acme
//! with an active contract, and Acme's AWS account `aws_account` entered.

#![allow(dead_code)]

/// Runs each command with `ok` (which asserts success).
pub fn acme_with_account(ok: impl Fn(&[&str]) -> String, admin_email: &str, aws_account: &str) {
    ok(&[
        "init",
        "--kind",
        "distributor",
        "--name",
        "Dist",
        "--domain",
        "dist.example",
        "--admin-email",
        admin_email,
        "--admin-name",
        "Dee",
    ]);
    ok(&[
        "resellers",
        "add",
        "--name",
        "Resell One",
        "--domain",
        "r1.example",
    ]);
    ok(&[
        "customers",
        "add",
        "--parent",
        "Resell One",
        "--name",
        "Acme",
        "--domain",
        "acme.example",
        "--contact-name",
        "Ann",
        "--contact-email",
        "ann@acme.example",
    ]);
    ok(&[
        "contracts",
        "add",
        "Acme",
        "--start",
        "2026-11-01",
        "--plan",
        "Standard",
    ]);
    ok(&["accounts", "add", "Acme", "--aws-account-id", aws_account]);
}
