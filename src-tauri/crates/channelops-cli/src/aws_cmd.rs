//! `channelops aws …` and the S3 source of `validate`: thin adapters over
//! `channelops_core::aws`, run on one AWS runtime per command.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use channelops_core::aws::{self, Aws, AwsOptions, bucket, identity, insights, preflight, stack};
use channelops_core::cloudformation::VendorSettings;
use channelops_core::store::{self, Store};
use channelops_core::{CoreError, cur};
use clap::{Args, Subcommand};

use crate::{print_json, print_rows};

/// How to reach AWS (every `aws` command and `validate s3://…`).
#[derive(Args, Clone, Debug, Default)]
pub struct AwsArgs {
    /// The AWS profile of ~/.aws/config to use (default: the standard chain).
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// Send every AWS call to this endpoint (a local emulator). Default: AWS_ENDPOINT_URL,
    /// else the workspace's `aws_endpoint_url` setting, else AWS.
    #[arg(long, global = true)]
    pub endpoint_url: Option<String>,
}

#[derive(Subcommand)]
pub enum AwsCmd {
    /// Print (and with --open, open in the browser) the CloudFormation quick-create
    /// link for a cloud account: template, stack name, external ID and CUR bucket.
    StackLink {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        #[arg(long)]
        open: bool,
    },
    /// The profiles of your AWS config files, for --profile.
    Profiles {
        #[arg(long)]
        json: bool,
    },
    /// Who you are in AWS and whether you hold the seven permissions the stack needs.
    ///
    /// Exit code: 0 ready, 1 not ready, 2 on errors.
    Preflight {
        /// The AWS management account entered for the customer (12 digits).
        #[arg(long, value_parser = crate::parse_account_id)]
        account_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Is the CUR bucket usable: exists, in us-east-1, listable and readable (KMS included)?
    ///
    /// Exit code: 0 usable, 1 not, 2 on errors.
    Bucket {
        bucket: String,
        #[arg(long)]
        json: bool,
    },
    /// The vendor stack's status; with --wait, follow it until complete or failed.
    ///
    /// Exit code: 0 complete with its role in place, 1 otherwise, 2 on errors.
    StackStatus {
        /// Default: the `stack_name` setting.
        #[arg(long)]
        stack_name: Option<String>,
        #[arg(long)]
        wait: bool,
        /// Give up waiting after this many seconds.
        #[arg(long, default_value_t = 900)]
        timeout: u64,
        /// Seconds between polls.
        #[arg(long, default_value_t = 5)]
        interval: u64,
        #[arg(long)]
        json: bool,
    },
    /// Trusted Advisor, Cost Optimization Hub and Security Hub: status, what enabling means, where.
    Insights {
        #[arg(long)]
        json: bool,
    },
}

/// The workspace database, when there is one (settings only; nothing is created).
fn existing_store(db: &Option<std::path::PathBuf>) -> Result<Option<Store>, CoreError> {
    let path = match db {
        Some(p) => p.clone(),
        None => store::default_path()?,
    };
    if path.exists() {
        Ok(Some(Store::open(&path)?))
    } else {
        Ok(None)
    }
}

fn options(args: &AwsArgs, store: Option<&Store>) -> Result<AwsOptions, CoreError> {
    AwsOptions::for_workspace(args.profile.clone(), args.endpoint_url.clone(), store)
}

/// An S3 source for `validate s3://…`; the runtime must outlive the validation.
pub fn open_s3(
    uri: &str,
    args: &AwsArgs,
    db: &Option<std::path::PathBuf>,
) -> Result<(Arc<dyn cur::Source>, tokio::runtime::Runtime), CoreError> {
    let (bucket, prefix) = aws::s3_source::parse_s3_uri(uri)?;
    let store = existing_store(db)?;
    let opts = options(args, store.as_ref())?;
    let rt = aws::runtime()?;
    let source = rt.block_on(async {
        let aws = Aws::connect(&opts).await?;
        aws::s3_source::S3Source::open(&aws, &bucket, &prefix).await
    })?;
    Ok((Arc::new(source), rt))
}

fn mark(decision: preflight::Decision) -> &'static str {
    match decision {
        preflight::Decision::Allowed => "allowed     ",
        preflight::Decision::Denied => "DENIED      ",
        preflight::Decision::NotVerified => "not verified",
    }
}

pub fn run(
    cmd: AwsCmd,
    args: &AwsArgs,
    db: &Option<std::path::PathBuf>,
) -> Result<ExitCode, CoreError> {
    let rt = aws::runtime()?;
    if let AwsCmd::Profiles { json } = cmd {
        let list = rt.block_on(aws::profiles())?;
        if !json && list.is_empty() {
            println!("No profiles: create one with `aws configure` or `aws configure sso`.");
        }
        print_rows(&list, json, |p| {
            format!(
                "{}{}  region {}{}{}",
                p.name,
                if p.is_default { " (default)" } else { "" },
                p.region.as_deref().unwrap_or("-"),
                if p.sso { "  SSO" } else { "" },
                p.endpoint_url
                    .as_ref()
                    .map(|u| format!("  endpoint {u}"))
                    .unwrap_or_default()
            )
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = existing_store(db)?;
    let vendor = match &store {
        Some(s) => VendorSettings::load(s)?,
        None => VendorSettings::default(),
    };
    let opts = options(args, store.as_ref())?;
    rt.block_on(async {
        let aws = Aws::connect(&opts).await?;
        match cmd {
            AwsCmd::Profiles { .. } | AwsCmd::StackLink { .. } => Ok(ExitCode::from(2)),
            AwsCmd::Preflight { account_id, json } => {
                let p = preflight::preflight(&aws, &account_id, &vendor).await?;
                if json {
                    print_json(&p)?;
                } else {
                    print_preflight(&p);
                }
                Ok(if p.ready {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                })
            }
            AwsCmd::Bucket { bucket: name, json } => {
                let b = bucket::check(&aws, &name).await?;
                if json {
                    print_json(&b)?;
                } else if b.ok {
                    println!(
                        "Bucket {}: usable (in {}).",
                        b.bucket,
                        b.region.as_deref().unwrap_or("us-east-1")
                    );
                } else {
                    println!(
                        "Bucket {}: {}",
                        b.bucket,
                        b.problem.as_deref().unwrap_or_default()
                    );
                    println!("  fix: {}", b.remedy.as_deref().unwrap_or_default());
                }
                Ok(if b.ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                })
            }
            AwsCmd::StackStatus {
                stack_name,
                wait,
                timeout,
                interval,
                json,
            } => {
                let name = stack_name.unwrap_or(vendor.stack_name);
                let show = |s: &stack::StackStatus| {
                    if !json {
                        println!(
                            "{}: {}",
                            s.stack_name,
                            s.status.as_deref().unwrap_or("not created yet")
                        );
                    }
                };
                let s = if wait {
                    stack::wait(
                        &aws,
                        &name,
                        Duration::from_secs(interval.max(1)),
                        Duration::from_secs(timeout),
                        &show,
                        &channelops_core::cur::CancelToken::default(),
                    )
                    .await?
                } else {
                    let s = stack::status(&aws, &name).await?;
                    show(&s);
                    s
                };
                if json {
                    print_json(&s)?;
                } else {
                    if let Some(r) = &s.reason {
                        println!("  reason: {r}");
                    }
                    if let Some(f) = &s.failed_resource {
                        println!(
                            "  failed: {} ({}): {}",
                            f.logical_id, f.resource_type, f.reason
                        );
                    }
                    if let Some(arn) = &s.role_arn {
                        println!(
                            "  role:   {arn}{}",
                            match s.role_verified {
                                Some(true) => " (exists)",
                                Some(false) => " (MISSING)",
                                None => " (not checked: iam:GetRole denied)",
                            }
                        );
                    }
                    println!("  next:   {}", s.next_step);
                }
                let done = s.phase == stack::StackPhase::Complete
                    && s.role_verified != Some(false)
                    && s.role_arn.is_some();
                Ok(if done {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                })
            }
            AwsCmd::Insights { json } => {
                let list = insights::status(&aws).await?;
                print_rows(&list, json, |i| {
                    format!(
                        "{:<22} {:<18} {}\n  enabling: {}\n  console:  {}",
                        i.name,
                        crate::name_of(i.state),
                        i.detail,
                        i.enabling,
                        i.console_url
                    )
                })?;
                Ok(ExitCode::SUCCESS)
            }
        }
    })
}

fn print_preflight(p: &preflight::Preflight) {
    println!(
        "Signed in as {} (account {})",
        p.identity.arn, p.identity.account
    );
    if p.identity.principal_arn != p.identity.arn {
        println!("  IAM principal: {}", p.identity.principal_arn);
    }
    if let Some(n) = &p.identity.note {
        println!("  note: {n}");
    }
    println!(
        "Account entered: {}",
        if p.account_matches {
            "matches"
        } else {
            "DOES NOT MATCH"
        }
    );
    println!("Organization: {}", p.organization.detail);
    let kind = match p.organization.role {
        identity::OrgRole::Management => "management account",
        identity::OrgRole::Member => "member account",
        identity::OrgRole::Standalone => "standalone account",
        identity::OrgRole::Unknown => "unknown",
    };
    println!("  ({kind})");
    println!("Permissions:");
    for c in &p.permissions {
        println!(
            "  {} {:<35} [{}] {}",
            mark(c.decision),
            c.action,
            crate::name_of(c.source),
            c.detail
        );
        if let Some(r) = &c.remedy {
            println!("               fix: {r}");
        }
    }
    if p.ready {
        println!("Ready: yes — you can create the stack.");
    } else {
        println!("Ready: no");
        for b in &p.blockers {
            println!("  - {b}");
        }
    }
}

/// `validate` and `accounts validate` accept an s3:// address as well as a path.
pub fn is_s3(path: &Path) -> bool {
    path.to_string_lossy().starts_with("s3://")
}
