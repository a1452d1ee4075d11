//! Parts 1 and 2 and the hand-over between machines: `customers`, `contracts`,
//! `invitation`, `report`, `progress`.

use std::process::ExitCode;

use channelops_core::CoreError;
use channelops_core::app::NewContractInput;
use channelops_core::onboarding::{ContractStatus, CustomerChanges, NewCustomer};

use crate::args::{ContractsCmd, CustomersCmd, InvitationCmd, ReportCmd};
use crate::output::{name_of, print_json, print_rows, tr};
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
                println!("Added customer {} under {parent}.", added.customer_id);
                println!(
                    "Activation code for {} (shown once, valid until {}): {}",
                    added.invitation.email, added.invitation.expires_at, added.invitation.code
                );
                if let Some(out) = invitation_out {
                    println!("Invitation file: {}", out.display());
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
            println!("Updated {}.", o.name);
        }
        CustomersCmd::Import { csv } => {
            let n = ctx.call(ctx.session.import_customers(csv))?;
            println!(
                "Imported {n} customers. Issue their invitations with `channelops invitation issue`."
            );
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
            println!("Added contract {} ({}, {status}).", c.id, c.plan);
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
            println!("Contract {contract} is now {status}.");
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
                println!("Invitation file: {}", out.display());
                println!(
                    "Activation code for {} (shown once, valid until {}): {}",
                    inv.email, inv.expires_at, inv.code
                );
                println!("Send it by email: {}", inv.mailto);
            }
        }
        InvitationCmd::Activate { file, code } => {
            let code = match code {
                Some(code) => code,
                None => secret("Activation code (from the welcome message): ")?,
            };
            let pw = password("Choose your password: ")?;
            let done = ctx.call(ctx.session.activate_invitation(file, code, pw))?;
            let actor = &done.actor;
            println!(
                "Activated {} for {}. Sign in with --user {}.",
                actor.email, actor.org_name, actor.email
            );
            println!(
                "The invitation was signed by {}'s key {}: it is now the only key trusted for {}.",
                done.reseller, done.signer, done.reseller
            );
        }
        InvitationCmd::ActivateCode { email, code } => {
            let pw = password("Choose your password: ")?;
            let actor = ctx.call(ctx.session.activate_code(email, code, pw))?;
            println!("Activated {} for {}.", actor.email, actor.org_name);
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn report(ctx: &Ctx, cmd: ReportCmd) -> Result<ExitCode, CoreError> {
    ctx.sign_in()?;
    match cmd {
        ReportCmd::Export { customer, out } => {
            ctx.call(ctx.session.export_report(customer, out.clone()))?;
            println!("Onboarding report: {}", out.display());
        }
        ReportCmd::Import { file } => {
            let done = ctx.call(ctx.session.import_report(file))?;
            println!("Updated the onboarding progress of {}.", done.customer);
            if done.pinned_now {
                println!(
                    "Signed by {}'s workspace key {} (proven with the invitation code): now the only key trusted for {}.",
                    done.customer, done.signer, done.customer
                );
            } else {
                println!("Signed by {}'s trusted key {}.", done.customer, done.signer);
            }
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
