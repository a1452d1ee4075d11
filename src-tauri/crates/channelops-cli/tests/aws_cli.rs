//! `channelops aws …` and `channelops validate s3://…`: the real binary, with
//! credentials from the environment or from profiles in temporary AWS config
//! files, against a real AWS emulator (`moto_server`) started here.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../channelops-core/tests/common/moto.rs"]
mod moto;
#[path = "common/seed.rs"]
mod seed;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
use channelops_core::aws::Aws;
use moto::Moto;

const PW: &str = "correct horse battery staple";

/// The CLI with a clean AWS environment: no inherited credentials, profiles or
/// endpoint; HOME (and so ~/.aws) in `home`; no instance metadata lookups.
fn channelops(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_channelops"));
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    for (k, _) in std::env::vars() {
        if k.starts_with("AWS_") || k.starts_with("CHANNELOPS_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("HOME", home)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("CHANNELOPS_DB", home.join("none.db"));
    cmd
}

fn with_keys(mut cmd: Command, endpoint: &str, key: &str, secret: &str) -> Command {
    cmd.env("AWS_ACCESS_KEY_ID", key)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .env("AWS_ENDPOINT_URL", endpoint);
    cmd
}

/// The CLI with the emulator's root keys (`testing`) and its endpoint.
fn as_root(home: &Path, moto: &Moto, args: &[&str]) -> Output {
    with_keys(channelops(home), &moto.endpoint, "testing", "testing")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn profiles_are_listed_from_the_shared_files() {
    let home = tempfile::tempdir().unwrap();
    write(
        &home.path().join(".aws/config"),
        "[default]\nregion = eu-central-1\n\n[profile emulator]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:5000\n\n[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n",
    );
    write(
        &home.path().join(".aws/credentials"),
        "[ci]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = not-a-real-secret\n",
    );
    let out = channelops(home.path())
        .args(["aws", "profiles", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ci", "default", "emulator", "sso-dev"]);
    let by = |n: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by("default")["is_default"], true);
    assert_eq!(by("sso-dev")["sso"], true);
    assert_eq!(by("emulator")["endpoint_url"], "http://127.0.0.1:5000");
    // Secrets never appear.
    assert!(!stdout(&out).contains("not-a-real-secret"));

    // AWS_PROFILE changes the default; an unknown profile is named with the choices.
    let out = channelops(home.path())
        .env("AWS_PROFILE", "ci")
        .args(["aws", "profiles", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v.as_array()
            .unwrap()
            .iter()
            .find(|p| p["is_default"] == true)
            .unwrap()["name"],
        "ci"
    );
    let out = channelops(home.path())
        .args(["aws", "--profile", "nope", "insights"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"nope\" is not in your AWS config files")
            && stderr(&out).contains("ci, default, emulator, sso-dev"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_credentials_and_an_expired_sso_session_say_the_exact_fix() {
    let home = tempfile::tempdir().unwrap();
    // Nothing configured at all.
    let out = channelops(home.path())
        .args([
            "aws",
            "--endpoint-url",
            "http://127.0.0.1:9",
            "preflight",
            "--account-id",
            "111122223333",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no AWS credentials were found"), "{err}");
    assert!(err.contains("aws configure"), "{err}");

    // A blank AWS_ENDPOINT_URL (the SDK would take "" for a URL and fail): said, not a crash.
    let out = with_keys(channelops(home.path()), "", "testing", "testing")
        .args(["aws", "preflight", "--account-id", "111122223333"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("AWS_ENDPOINT_URL is set but empty"), "{err}");
    assert!(err.contains("unset AWS_ENDPOINT_URL"), "{err}");

    // An IAM Identity Center profile whose cached token has expired.
    let start_url = "https://corp.awsapps.com/start";
    write(
        &home.path().join(".aws/config"),
        &format!(
            "[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = {start_url}\nsso_region = us-east-1\n"
        ),
    );
    // The SDKs name the cache file after the SHA-1 of the session name.
    let sha = Command::new("sha1sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    sha.stdin.as_ref().unwrap().write_all(b"corp").unwrap();
    let digest = String::from_utf8(sha.wait_with_output().unwrap().stdout).unwrap();
    let digest = digest.split_whitespace().next().unwrap();
    write(
        &home.path().join(format!(".aws/sso/cache/{digest}.json")),
        &format!(
            r#"{{"accessToken":"expired-token","expiresAt":"2020-01-01T00:00:00Z","region":"us-east-1","startUrl":"{start_url}"}}"#
        ),
    );
    let out = channelops(home.path())
        .args([
            "aws",
            "--profile",
            "sso-dev",
            "--endpoint-url",
            "http://127.0.0.1:9",
            "preflight",
            "--account-id",
            "111122223333",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("SSO session has expired"), "{err}");
    assert!(err.contains("aws sso login --profile sso-dev"), "{err}");
    assert!(
        !err.contains("expired-token"),
        "the token must not be printed: {err}"
    );
}

fn admin(rt: &tokio::runtime::Runtime, endpoint: &str) -> Aws {
    moto::session(rt, endpoint, "testing", "testing")
}

fn upload_tree(rt: &tokio::runtime::Runtime, aws: &Aws, bucket: &str, region: &str, dir: &Path) {
    let s3 = aws.s3(region);
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let key = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            rt.block_on(
                s3.put_object()
                    .bucket(bucket)
                    .key(key)
                    .body(ByteStream::from(std::fs::read(&p).unwrap()))
                    .send(),
            )
            .unwrap();
        }
    }
}

fn without_source_and_region(mut v: serde_json::Value) -> serde_json::Value {
    v.as_object_mut().unwrap().remove("source");
    for r in v["reports"].as_array_mut().unwrap() {
        r["checks"]
            .as_array_mut()
            .unwrap()
            .retain(|c| c["id"] != "bucket_region");
    }
    v
}

#[test]
fn validate_s3_prints_the_same_json_as_for_the_folder_and_aws_commands_answer() {
    let moto = Moto::start();
    let rt = channelops_core::aws::runtime().unwrap();
    let aws = admin(&rt, &moto.endpoint);
    let home = tempfile::tempdir().unwrap();
    let fx = home.path().join("fixtures");
    let out = channelops(home.path())
        .arg("fixtures")
        .arg(&fx)
        .output()
        .unwrap();
    assert!(out.status.success());
    rt.block_on(async {
        aws.s3("us-east-1")
            .create_bucket()
            .bucket("cur-east")
            .send()
            .await
            .unwrap();
        aws.s3("eu-west-1")
            .create_bucket()
            .bucket("cur-west")
            .create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::EuWest1)
                    .build(),
            )
            .send()
            .await
            .unwrap();
        aws.organizations()
            .create_organization()
            .send()
            .await
            .unwrap();
    });
    upload_tree(&rt, &aws, "cur-east", "us-east-1", &fx.join("valid-csv-gz"));
    upload_tree(&rt, &aws, "cur-west", "eu-west-1", &fx.join("valid-csv-gz"));

    // validate s3://… = validate FOLDER, plus the region judged.
    let s3 = as_root(
        home.path(),
        &moto,
        &["validate", "--json", "s3://cur-east/cur"],
    );
    assert_eq!(s3.status.code(), Some(0), "{}", stderr(&s3));
    let local = channelops(home.path())
        .args(["validate", "--json"])
        .arg(fx.join("valid-csv-gz/cur"))
        .output()
        .unwrap();
    let s3v: serde_json::Value = serde_json::from_slice(&s3.stdout).unwrap();
    let localv: serde_json::Value = serde_json::from_slice(&local.stdout).unwrap();
    assert_eq!(s3v["source"], "s3://cur-east/cur");
    let region = s3v["reports"][0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "bucket_region")
        .unwrap()
        .clone();
    assert_eq!(region["status"], "pass");
    assert_eq!(
        without_source_and_region(s3v.clone()),
        without_source_and_region(localv)
    );
    assert!(s3v["bytes_read"].as_u64().unwrap() <= s3v["bytes_total"].as_u64().unwrap());

    // The eu-west-1 copy: not valid (exit 1), the region named.
    let west = as_root(home.path(), &moto, &["validate", "s3://cur-west"]);
    assert_eq!(west.status.code(), Some(1), "{}", stderr(&west));
    assert!(
        stdout(&west).contains("The bucket is in eu-west-1"),
        "{}",
        stdout(&west)
    );

    // A missing bucket is an error with a remedy (exit 2).
    let missing = as_root(home.path(), &moto, &["validate", "s3://no-such-bucket"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("does not exist") && stderr(&missing).contains("fix:"),
        "{}",
        stderr(&missing)
    );

    // aws bucket: usable / wrong region.
    let ok = as_root(home.path(), &moto, &["aws", "bucket", "cur-east"]);
    assert_eq!(ok.status.code(), Some(0), "{}{}", stdout(&ok), stderr(&ok));
    let bad = as_root(home.path(), &moto, &["aws", "bucket", "cur-west", "--json"]);
    assert_eq!(bad.status.code(), Some(1));
    let b: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(b["region"], "eu-west-1");

    // preflight --json: the documented shape; exit 0 ready / 1 not ready.
    let (key, secret) = rt.block_on(async {
        let iam = aws.iam();
        iam.create_user().user_name("alice").send().await.unwrap();
        iam.attach_user_policy()
            .user_name("alice")
            .policy_arn("arn:aws:iam::aws:policy/AdministratorAccess")
            .send()
            .await
            .unwrap();
        let k = iam
            .create_access_key()
            .user_name("alice")
            .send()
            .await
            .unwrap();
        let k = k.access_key().unwrap();
        (
            k.access_key_id().to_owned(),
            k.secret_access_key().to_owned(),
        )
    });
    let pf = with_keys(channelops(home.path()), &moto.endpoint, &key, &secret)
        .args(["aws", "preflight", "--account-id", "123456789012", "--json"])
        .output()
        .unwrap();
    assert_eq!(pf.status.code(), Some(0), "{}{}", stdout(&pf), stderr(&pf));
    let p: serde_json::Value = serde_json::from_slice(&pf.stdout).unwrap();
    assert_eq!(p["identity"]["account"], "123456789012");
    assert_eq!(p["identity"]["arn"], "arn:aws:iam::123456789012:user/alice");
    assert_eq!(
        p["identity"]["principal_arn"],
        "arn:aws:iam::123456789012:user/alice"
    );
    assert_eq!(p["account_matches"], true);
    assert_eq!(p["management_account"], true);
    assert_eq!(p["ready"], true);
    let perms = p["permissions"].as_array().unwrap();
    assert_eq!(perms.len(), 7);
    for c in perms {
        for field in ["action", "decision", "source", "detail"] {
            assert!(c.get(field).is_some(), "{field} missing in {c}");
        }
        assert_eq!(c["decision"], "allowed");
        assert_eq!(c["source"], "identity_policies");
    }
    assert!(!stdout(&pf).contains(&secret), "no secret in the output");
    let other = with_keys(channelops(home.path()), &moto.endpoint, &key, &secret)
        .args(["aws", "preflight", "--account-id", "210987654321"])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1));
    assert!(
        stdout(&other).contains("DOES NOT MATCH")
            && stdout(&other).contains("pick the profile of account 210987654321"),
        "{}",
        stdout(&other)
    );

    // The same through a named profile of the shared files, its endpoint in the profile.
    write(
        &home.path().join(".aws/credentials"),
        &format!("[alice]\naws_access_key_id = {key}\naws_secret_access_key = {secret}\n"),
    );
    write(
        &home.path().join(".aws/config"),
        &format!(
            "[profile alice]\nregion = us-east-1\nendpoint_url = {}\n",
            moto.endpoint
        ),
    );
    let by_profile = channelops(home.path())
        .args([
            "aws",
            "--profile",
            "alice",
            "preflight",
            "--account-id",
            "123456789012",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(by_profile.status.code(), Some(0), "{}", stderr(&by_profile));

    // stack-status before the stack exists; insights.
    let st = as_root(home.path(), &moto, &["aws", "stack-status", "--json"]);
    assert_eq!(st.status.code(), Some(1));
    let s: serde_json::Value = serde_json::from_slice(&st.stdout).unwrap();
    assert_eq!(s["phase"], "not_found");
    assert_eq!(s["stack_name"], "ChannelOpsCurAccess");
    let ins = as_root(home.path(), &moto, &["aws", "insights", "--json"]);
    assert!(ins.status.success(), "{}", stderr(&ins));
    let i: serde_json::Value = serde_json::from_slice(&ins.stdout).unwrap();
    let kinds: Vec<&str> = i
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["trusted_advisor", "cost_optimization_hub", "security_hub"]
    );
    assert_eq!(i[2]["state"], "not_enabled");
}

#[test]
fn the_endpoint_setting_of_the_workspace_is_used_without_aws_endpoint_url() {
    let moto = Moto::start();
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("ws.db");
    let admin = |args: &[&str]| {
        let out = channelops(home.path())
            .env("CHANNELOPS_DB", &db)
            .env("CHANNELOPS_USER", "d@dist.example")
            .env("CHANNELOPS_PASSWORD", PW)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        out
    };
    admin(&[
        "init",
        "--kind",
        "distributor",
        "--name",
        "Dist",
        "--domain",
        "dist.example",
        "--admin-email",
        "d@dist.example",
        "--admin-name",
        "Dee",
    ]);
    admin(&["settings", "set", "aws_endpoint_url", &moto.endpoint]);
    let list = stdout(&admin(&["settings", "list"]));
    assert!(
        list.contains(&moto.endpoint) && list.contains("stack_name"),
        "{list}"
    );
    let bad = channelops(home.path())
        .env("CHANNELOPS_DB", &db)
        .env("CHANNELOPS_USER", "d@dist.example")
        .env("CHANNELOPS_PASSWORD", PW)
        .args(["settings", "set", "aws_endpoint_url", "ftp://x"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    // No AWS_ENDPOINT_URL: the setting sends the call to the emulator.
    let mut cmd = channelops(home.path());
    cmd.env("CHANNELOPS_DB", &db)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing");
    let out = cmd
        .args(["aws", "stack-status", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["phase"], "not_found");
}

/// Part 3 from the command line: the same steps as the window, each with its
/// evidence from AWS, in order — no option sets a state, a step cannot be
/// skipped, and the stack link carries the account's external ID and bucket.
#[test]
fn part3_from_the_cli_goes_step_by_step() {
    let moto = Moto::start();
    let rt = channelops_core::aws::runtime().unwrap();
    let aws = admin(&rt, &moto.endpoint);
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("ws.db");
    let cli = |args: &[&str]| {
        let out = with_keys(
            channelops(home.path()),
            &moto.endpoint,
            "testing",
            "testing",
        )
        .env("CHANNELOPS_DB", &db)
        .env("CHANNELOPS_USER", "d@dist.example")
        .env("CHANNELOPS_PASSWORD", PW)
        .args(args)
        .output()
        .unwrap();
        (out.status.code(), stdout(&out), stderr(&out))
    };
    let ok = |args: &[&str]| {
        let (code, out, err) = cli(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        out
    };
    seed::acme_with_account(ok, "d@dist.example", "111122223333");
    let state = || {
        let list: serde_json::Value =
            serde_json::from_str(&ok(&["accounts", "list", "Acme", "--json"])).unwrap();
        list[0]["state"].as_str().unwrap().to_owned()
    };

    // No option sets a state any more, and no step can be skipped.
    let (code, _, err) = cli(&["accounts", "update", "111122223333", "--state", "completed"]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, err) = cli(&["aws", "stack-link", "111122223333"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no CUR bucket"), "{err}");
    for skip in [
        vec!["accounts", "confirm", "111122223333", "cur-gzip"],
        vec!["accounts", "complete", "111122223333"],
    ] {
        let (code, _, err) = cli(&skip);
        assert_eq!(code, Some(2), "{skip:?} must be refused: {err}");
        assert!(err.contains("fix:"), "{err}");
    }
    assert_eq!(state(), "entered");

    // The bucket step asks S3: a bucket in another region is refused and recorded nowhere.
    let fx = home.path().join("fixtures");
    ok(&["fixtures", fx.to_str().unwrap()]);
    rt.block_on(async {
        aws.s3("us-east-1")
            .create_bucket()
            .bucket("acme-cur")
            .send()
            .await
            .unwrap();
        aws.s3("eu-west-1")
            .create_bucket()
            .bucket("acme-west")
            .create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::EuWest1)
                    .build(),
            )
            .send()
            .await
            .unwrap();
    });
    upload_tree(&rt, &aws, "acme-cur", "us-east-1", &fx.join("valid-csv-gz"));
    let (code, out, _) = cli(&["accounts", "bucket", "111122223333", "acme-west", "--json"]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(state(), "entered");
    let (code, out, err) = cli(&[
        "accounts",
        "bucket",
        "111122223333",
        "acme-cur",
        "--prefix",
        "cur",
        "--json",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let step: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(step["account"]["state"], "bucket_set");

    // The stack link now carries the account's external ID and bucket.
    let link = ok(&["aws", "stack-link", "111122223333"]);
    let list: serde_json::Value =
        serde_json::from_str(&ok(&["accounts", "list", "Acme", "--json"])).unwrap();
    let external_id = list[0]["external_id"].as_str().unwrap();
    assert!(link.starts_with("https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL="));
    assert!(
        link.contains(&format!("&param_ExternalId={external_id}")),
        "{link}"
    );
    assert!(link.contains("&param_CurBucketName=acme-cur"), "{link}");

    // The CUR list from S3 is judged and recorded, but without a stack the account
    // does not move on, and a valid CUR cannot be confirmed before the stack exists.
    let (code, out, err) = cli(&["accounts", "validate", "111122223333", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let result: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["result"]["reports"].as_array().unwrap().len(), 1);
    let name = result["result"]["selectable"][0]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(state(), "bucket_set");
    let (code, _, err) = cli(&["accounts", "confirm", "111122223333", &name]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("stack"), "{err}");
    assert_eq!(state(), "bucket_set");
}
