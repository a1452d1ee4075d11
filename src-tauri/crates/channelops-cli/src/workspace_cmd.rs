//! `init`, `users`, `resellers`, `settings`, `audit`, `info`.

use std::process::ExitCode;

use channelops_core::CoreError;
use channelops_core::app::{self, NewWorkspaceInput};
use channelops_core::auth::{OrgKind, Role};

use crate::args::{ResellersCmd, SettingsCmd, UsersCmd};
use crate::output::{print_either, print_rows, say, tr};
use crate::{Ctx, password};
use channelops_core::text;

pub fn init(
    ctx: &Ctx,
    kind: &str,
    name: String,
    domain: String,
    admin_email: String,
    admin_name: String,
) -> Result<ExitCode, CoreError> {
    let pw = password(&format!(
        "{} ",
        tr(&text!("cli-ask-admin-password", email = &admin_email))
    ))?;
    let actor = ctx.call(ctx.session.init_workspace(NewWorkspaceInput {
        kind: OrgKind::parse(kind)?,
        name,
        domain,
        admin_email,
        admin_name,
        password: pw,
    }))?;
    println!(
        "Created the {kind} workspace {} with Admin {} ({}).",
        actor.org_name,
        actor.email,
        ctx.session.db_path()?.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn users(ctx: &Ctx, cmd: UsersCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    match cmd {
        UsersCmd::List { json } => {
            let users = ctx.call(ctx.session.users())?;
            print_rows(&users, json, |u| {
                format!(
                    "{}  {}  {}{}",
                    u.email,
                    u.name,
                    u.role.as_str(),
                    if u.active { "" } else { "  [not activated]" }
                )
            })?;
        }
        UsersCmd::Add { email, name, role } => {
            let pw = match std::env::var("CHANNELOPS_NEW_PASSWORD") {
                Ok(p) => p,
                Err(_) => password(&format!(
                    "{} ",
                    tr(&text!("cli-ask-user-password", email = &email))
                ))?,
            };
            ctx.call(
                ctx.session
                    .add_user(email.clone(), name, Role::parse(&role)?, pw),
            )?;
            say(&text!("cli-added-user", email = &email, role = &role));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn resellers(ctx: &Ctx, cmd: ResellersCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    match cmd {
        ResellersCmd::Add { name, domain } => {
            let id = ctx.call(ctx.session.add_reseller(name.clone(), domain))?;
            say(&text!("cli-added-reseller", name = &name, id = &id));
        }
        ResellersCmd::List { json } => {
            let list = ctx.call(ctx.session.resellers())?;
            print_rows(&list, json, |o| {
                format!("{}  {}  ({})", o.id, o.name, o.domain)
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn settings(ctx: &Ctx, cmd: SettingsCmd) -> Result<ExitCode, CoreError> {
    match cmd {
        SettingsCmd::List { json } => {
            let list = ctx.call(ctx.session.settings())?;
            print_rows(&list, json, |x| {
                format!(
                    "{:<22} {}{}",
                    x.key,
                    x.value,
                    if x.is_set { "" } else { "  (default)" }
                )
            })?;
        }
        SettingsCmd::Set { key, value } => {
            ctx.sign_in()?;
            ctx.call(ctx.session.set_setting(key.clone(), value))?;
            say(&text!("cli-setting-set", key = &key));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn audit(ctx: &Ctx, json: bool, limit: u32) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    let log = ctx.call(ctx.session.audit_log(limit))?;
    print_rows(&log, json, |e| {
        format!(
            "{}  {:<28} {:<22} {} {}",
            e.at, e.actor, e.action, e.target, e.detail
        )
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn info(json: bool) -> Result<ExitCode, CoreError> {
    let info = app::app_info()?;
    print_either(&info, json, |info| {
        println!("{} {}", info.product, info.version);
        say(&text!(
            "cli-data-folder",
            path = &info.data_dir,
            writable = if info.data_dir_writable { "yes" } else { "no" }
        ));
    })?;
    Ok(ExitCode::SUCCESS)
}
