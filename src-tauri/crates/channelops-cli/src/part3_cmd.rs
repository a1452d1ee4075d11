//! Part 3 from the command line: `accounts` (the stepper's steps, in order) and
//! `aws` (the checks with your own credentials, no workspace needed).

use std::io::IsTerminal;
use std::process::ExitCode;

use channelops_core::app;
use channelops_core::aws::create_cur::CurRequest;
use channelops_core::aws::cur_definitions::CurFormat;
use channelops_core::aws::insights::InsightKind;
use channelops_core::{CoreError, text};

use crate::args::{AccountsCmd, AwsCmd};
use crate::output::{
    name_of, print_applied, print_either, print_json, print_overview, print_plan, print_preflight,
    print_rows, print_stack_change, print_stack_end, print_stack_plan, print_validation, say, tr,
};
use crate::{Ctx, verdict};

fn insight_kinds(names: &[String]) -> Result<Vec<InsightKind>, CoreError> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| InsightKind::parse(n.trim()))
        .collect()
}

pub fn accounts(ctx: &Ctx, cmd: AccountsCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    let s = &ctx.session;
    match cmd {
        AccountsCmd::Add {
            customer,
            aws_account_id,
        } => {
            let a = ctx.call(s.add_account(customer, aws_account_id))?;
            say(&text!(
                "cli-added-account",
                account = &a.aws_account_id,
                id = &a.id,
                external_id = &a.external_id
            ));
        }
        AccountsCmd::List { customer, json } => {
            let list = ctx.call(s.accounts(customer))?;
            print_rows(&list, json, |a| {
                format!(
                    "{}  {}  {}  bucket {}",
                    a.id,
                    a.aws_account_id,
                    a.state.as_str(),
                    a.bucket.as_deref().unwrap_or_default()
                )
            })?;
        }
        AccountsCmd::Bucket {
            account,
            bucket,
            prefix,
            json,
        } => {
            let step = ctx.call(s.check_bucket(None, account, bucket, prefix))?;
            print_either(&step, json, |step| {
                if step.status.ok {
                    println!(
                        "Bucket {}: usable; AWS account {} is now {}.",
                        step.status.bucket,
                        step.account.aws_account_id,
                        step.account.state.as_str()
                    );
                } else {
                    println!(
                        "Bucket {}: {}",
                        step.status.bucket,
                        step.status.problem.as_ref().map(tr).unwrap_or_default()
                    );
                    println!(
                        "  {}",
                        tr(&text!(
                            "cli-fix",
                            remedy = step.status.remedy.as_ref().map(tr).unwrap_or_default()
                        ))
                    );
                }
            })?;
            return Ok(verdict(step.status.ok));
        }
        AccountsCmd::Stack { account, json } => {
            let step = ctx.call(s.watch_stack(None, account, move |st| {
                if !json {
                    print_stack_change(st);
                }
            }))?;
            print_either(&step, json, |step| {
                print_stack_end(&step.status);
                say(&text!(
                    "cli-account-state",
                    account = &step.account.aws_account_id,
                    state = step.account.state.as_str()
                ));
            })?;
            return Ok(verdict(step.status.is_done()));
        }
        AccountsCmd::Validate {
            account,
            path,
            json,
        } => {
            let listing = match path {
                Some(path) => ctx.call(s.list_curs_from(account, path, |_| {}))?,
                None => ctx.call(s.list_curs(None, account, |_| {}))?,
            };
            print_either(&listing, json, |l| {
                if let Some(o) = &l.overview {
                    print_overview(o);
                    println!();
                }
                print_validation(&l.result);
                if let Some(name) = &l.account.awaiting_report {
                    println!();
                    say(&text!(
                        "cli-awaiting-delivery",
                        report = name,
                        since = l.account.awaiting_since.as_deref().unwrap_or_default()
                    ));
                }
            })?;
            return Ok(verdict(!listing.result.selectable.is_empty()));
        }
        AccountsCmd::Confirm { account, report } => {
            let a = ctx.call(s.confirm_cur(account, report))?;
            say(&text!(
                "cli-account-confirmed",
                account = &a.aws_account_id,
                state = a.state.as_str(),
                report = a.report_name.as_deref().unwrap_or_default()
            ));
        }
        AccountsCmd::Complete { account, insights } => {
            let a = ctx.call(s.complete_account(account, insight_kinds(&insights)?))?;
            say(&text!(
                "cli-account-state",
                account = &a.aws_account_id,
                state = a.state.as_str()
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn aws(ctx: &Ctx, cmd: AwsCmd) -> Result<ExitCode, CoreError> {
    let s = &ctx.session;
    match cmd {
        AwsCmd::StackLink { account, open } => {
            ctx.sign_in()?;
            let link = ctx.call(s.stack_link(account))?;
            println!("{link}");
            if open {
                app::open_link(&link)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        AwsCmd::Profiles { json } => {
            let list = ctx.call(app::aws_profiles())?;
            if !json && list.is_empty() {
                say(&text!("cli-no-profiles"));
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
            Ok(ExitCode::SUCCESS)
        }
        AwsCmd::Preflight { account_id, json } => {
            let p = ctx.call(s.preflight(None, account_id))?;
            print_either(&p, json, print_preflight)?;
            Ok(verdict(p.ready))
        }
        AwsCmd::Bucket { bucket, json } => {
            let b = ctx.call(s.check_bucket_only(None, bucket))?;
            print_either(&b, json, |b| {
                if b.ok {
                    println!(
                        "Bucket {}: usable (in {}).",
                        b.bucket,
                        b.region.as_deref().unwrap_or("us-east-1")
                    );
                } else {
                    println!(
                        "Bucket {}: {}",
                        b.bucket,
                        b.problem.as_ref().map(tr).unwrap_or_default()
                    );
                    println!(
                        "  {}",
                        tr(&text!(
                            "cli-fix",
                            remedy = b.remedy.as_ref().map(tr).unwrap_or_default()
                        ))
                    );
                }
            })?;
            Ok(verdict(b.ok))
        }
        AwsCmd::Curs {
            bucket,
            prefix,
            json,
        } => {
            let o = ctx.call(s.cur_definitions(None, bucket, prefix))?;
            print_either(&o, json, print_overview)?;
            Ok(verdict(o.usable().next().is_some()))
        }
        AwsCmd::CreateCur {
            bucket,
            name,
            prefix,
            format,
            dry_run,
            yes,
            json,
        } => {
            let format = if format == "csv" {
                CurFormat::Csv
            } else {
                CurFormat::Parquet
            };
            let request = CurRequest {
                bucket,
                name,
                prefix,
                format,
            };
            let plan = ctx.call(s.plan_cur(None, request))?;
            if dry_run || !plan.ready {
                print_either(&plan, json, |p| {
                    print_plan(
                        &p.steps,
                        &p.refusals,
                        &p.warnings,
                        p.policy_after.as_deref(),
                    )
                })?;
                return Ok(verdict(plan.ready));
            }
            if !json {
                print_plan(
                    &plan.steps,
                    &plan.refusals,
                    &plan.warnings,
                    plan.policy_after.as_deref(),
                );
            }
            ctx.sign_in()?;
            consent(yes)?;
            let created = ctx.call(s.create_cur(None, plan))?;
            print_either(&created, json, |c| {
                print_applied(&c.applied);
                if let Some(o) = &c.overview {
                    println!();
                    print_overview(o);
                }
            })?;
            Ok(verdict(created.applied.failure.is_none()))
        }
        AwsCmd::CreateStack {
            account,
            dry_run,
            wait,
            yes,
            json,
        } => {
            ctx.sign_in()?;
            let plan = ctx.call(s.plan_stack(None, account.clone()))?;
            if dry_run || !plan.ready {
                print_either(&plan, json, print_stack_plan)?;
                return Ok(verdict(plan.ready));
            }
            if !json {
                print_stack_plan(&plan);
            }
            consent(yes)?;
            let started = ctx.call(s.create_stack(None, account.clone(), plan))?;
            if !json {
                print_applied(&started.applied);
            }
            if started.applied.failure.is_some() || !wait {
                if json {
                    print_json(&started)?;
                }
                return Ok(verdict(started.applied.failure.is_none()));
            }
            let step = ctx.call(s.watch_stack(None, account, move |st| {
                if !json {
                    print_stack_change(st);
                }
            }))?;
            if json {
                print_json(&serde_json::json!({ "started": started, "stack": step }))?;
            } else {
                print_stack_end(&step.status);
            }
            Ok(verdict(step.status.is_done()))
        }
        AwsCmd::StackStatus {
            stack_name,
            wait,
            json,
        } => {
            let st = ctx.call(s.stack_status(None, stack_name, wait, move |st| {
                if !json {
                    print_stack_change(st);
                }
            }))?;
            if json {
                print_json(&st)?;
            } else {
                print_stack_end(&st);
            }
            Ok(verdict(st.is_done()))
        }
        AwsCmd::Insights { json } => {
            let list = ctx.call(s.insights(None))?;
            print_rows(&list, json, |i| {
                format!(
                    "{:<22} {:<18} {}\n  enabling: {}\n  console:  {}",
                    i.name,
                    name_of(i.state),
                    tr(&i.detail),
                    tr(&i.enabling),
                    i.console_url
                )
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Asks "Apply this plan?" at the terminal unless `yes`; no terminal and no
/// `--yes` is a refusal with the way forward.
fn consent(yes: bool) -> Result<(), CoreError> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(CoreError::invalid(
            text!("cli-err-plan-no-terminal"),
            text!("cli-fix-plan-no-terminal"),
        ));
    }
    eprint!("{} ", tr(&text!("cli-apply-plan")));
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| CoreError::io("read the answer from", "the terminal", e))?;
    if matches!(answer.trim(), "y" | "Y" | "yes") {
        Ok(())
    } else {
        Err(CoreError::invalid(
            text!("cli-err-plan-declined"),
            text!("cli-fix-plan-declined"),
        ))
    }
}

/// True when progress may be drawn on stderr (a terminal, no JSON).
pub fn show_progress(json: bool) -> bool {
    !json && std::io::stderr().is_terminal()
}
