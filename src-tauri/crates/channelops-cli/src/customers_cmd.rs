//! Parts 1 and 2 and the hand-over between machines: `customers`, `contracts`,
//! `invitation`, `report`, `progress`.

use std::process::ExitCode;

use channelops_core::CoreError;
use channelops_core::app::NewContractInput;
use channelops_core::onboarding::{ContractStatus, CustomerChanges, NewCustomer};

use crate::args::{ContractsCmd, CustomersCmd, InvitationCmd, ReportCmd};
use crate::output::{name_of, print_json, print_rows, say, tr};
use crate::{Ctx, password, secret};
use channelops_core::text;

pub fn customers(ctx: &Ctx, cmd: CustomersCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    match cmd {
        CustomersCmd::Add {
            parent,
            name,
            domain,
            contact_name,
            contact_email,
            complete_later,
            invitation_out,
            json,
        } => {
            let new = NewCustomer {
                parent_id: parent.clone(),
                name,
                domain,
                contact_name,
                contact_email,
                complete_later,
            };
            let added = ctx.call(ctx.session.add_customer(new, invitation_out.clone()))?;
            if json {
                print_json(&added)?;
            } else {
                say(&text!(
                    "cli-added-customer",
                    id = &added.customer_id,
                    parent = &parent
                ));
                print_code(
                    &added.invitation.email,
                    &added.invitation.expires_at,
                    &added.invitation.code,
                );
                if let Some(out) = invitation_out {
                    say(&text!(
                        "cli-invitation-file",
                        path = out.display().to_string()
                    ));
                }
            }
        }
        CustomersCmd::List { search, json } => {
            let list = ctx.call(ctx.session.customers(search))?;
            print_rows(&list, json, |o| {
                format!(
                    "{}  {}  ({})  under {}  admin {}{}",
                    o.id,
                    o.name,
                    o.domain,
                    o.parent_name.as_deref().unwrap_or_default(),
                    o.contact_email.as_deref().unwrap_or_default(),
                    if o.pending { "  [complete later]" } else { "" }
                )
            })?;
        }
        CustomersCmd::Edit {
            customer,
            name,
            domain,
            contact_name,
            contact_email,
            complete_later,
        } => {
            let changes = CustomerChanges {
                name,
                domain,
                contact_name,
                contact_email,
                complete_later,
            };
            let o = ctx.call(ctx.session.edit_customer(customer, changes))?;
            say(&text!("cli-updated", name = &o.name));
        }
        CustomersCmd::Import { csv } => {
            let n = ctx.call(ctx.session.import_customers(csv))?;
            say(&text!("cli-imported", count = n));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn contracts(ctx: &Ctx, cmd: ContractsCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    match cmd {
        ContractsCmd::Add {
            customer,
            start,
            end,
            plan,
            notes,
            status,
        } => {
            let input = NewContractInput {
                customer_id: customer,
                start_date: start,
                end_date: end,
                plan,
                notes,
            };
            let c = ctx.call(
                ctx.session
                    .add_contract(input, ContractStatus::parse(&status)?),
            )?;
            say(&text!(
                "cli-added-contract",
                id = &c.id,
                plan = &c.plan,
                status = status.to_string()
            ));
        }
        ContractsCmd::List { customer, json } => {
            let list = ctx.call(ctx.session.contracts(customer))?;
            print_rows(&list, json, |c| {
                format!(
                    "{}  {}  {} → {}  {}",
                    c.id,
                    c.plan,
                    c.start_date,
                    c.end_date.as_deref().unwrap_or("open"),
                    c.status.as_str()
                )
            })?;
        }
        ContractsCmd::SetStatus { contract, status } => {
            ctx.call(
                ctx.session
                    .set_contract_status(contract.clone(), ContractStatus::parse(&status)?),
            )?;
            say(&text!(
                "cli-contract-status",
                id = &contract,
                status = status.to_string()
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn invitation(ctx: &Ctx, cmd: InvitationCmd) -> Result<ExitCode, CoreError> {
    match cmd {
        InvitationCmd::Issue {
            customer,
            out,
            eml,
            json,
        } => {
            ctx.sign_in()?;
            let (_, inv) = ctx.call(ctx.session.export_invitation(customer, out.clone(), eml))?;
            if json {
                print_json(&inv)?;
            } else {
                say(&text!(
                    "cli-invitation-file",
                    path = out.display().to_string()
                ));
                print_code(&inv.email, &inv.expires_at, &inv.code);
                say(&text!("cli-send-mail", mailto = &inv.mailto));
            }
        }
        InvitationCmd::Activate { file, code } => {
            let code = match code {
                Some(code) => code,
                None => secret(&format!("{} ", tr(&text!("cli-ask-code"))))?,
            };
            let pw = password(&format!("{} ", tr(&text!("cli-ask-new-password"))))?;
            let done = ctx.call(ctx.session.activate_invitation(file, code, pw))?;
            let actor = &done.actor;
            say(&text!(
                "cli-activated-sign-in",
                email = &actor.email,
                org = &actor.org_name
            ));
            say(&text!(
                "cli-invitation-signer",
                reseller = &done.reseller,
                key = &done.signer
            ));
        }
        InvitationCmd::ActivateCode { email, code } => {
            let pw = password(&format!("{} ", tr(&text!("cli-ask-new-password"))))?;
            let actor = ctx.call(ctx.session.activate_code(email, code, pw))?;
            say(&text!(
                "cli-activated",
                email = &actor.email,
                org = &actor.org_name
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn report(ctx: &Ctx, cmd: ReportCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    match cmd {
        ReportCmd::Export { customer, out } => {
            ctx.call(ctx.session.export_report(customer, out.clone()))?;
            say(&text!("cli-report-file", path = out.display().to_string()));
        }
        ReportCmd::Import { file } => {
            let done = ctx.call(ctx.session.import_report(file))?;
            say(&text!("cli-report-imported", customer = &done.customer));
            let signer = if done.pinned_now {
                text!(
                    "cli-report-pinned",
                    customer = &done.customer,
                    key = &done.signer
                )
            } else {
                text!(
                    "cli-report-trusted",
                    customer = &done.customer,
                    key = &done.signer
                )
            };
            println!("{}", tr(&signer));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn progress(ctx: &Ctx, json: bool) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    let list = ctx.call(ctx.session.progress())?;
    print_rows(&list, json, |p| {
        format!(
            "{:<30} {:>3}%  {}  {:<9} {:<13} {}{}{}",
            p.customer,
            p.percent,
            tr(&text!("cli-part", part = p.part)),
            name_of(p.step),
            name_of(p.health),
            tr(&text!("cli-next", next = tr(&p.next_action))),
            if p.part > 3 {
                String::new()
            } else {
                format!(" — {}", tr(&p.who_must_act))
            },
            p.blocker
                .as_ref()
                .map(|b| format!(" — {}", tr(b)))
                .unwrap_or_default()
        )
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The activation code, shown once (tests and scripts read it after the colon).
fn print_code(email: &str, expires_at: &str, code: &str) {
    say(&text!(
        "cli-activation-code",
        email = email,
        until = expires_at,
        code = code
    ));
}
