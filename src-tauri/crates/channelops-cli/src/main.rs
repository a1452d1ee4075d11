//! `channelops`: the command line of the ChannelOps Onboarding Assistant.
//!
//! A thin adapter over `channelops-core`: parse arguments, call the core, print
//! the result (human text or `--json`), map errors to exit codes.
//! Exit codes: 0 success, 1 a negative verdict (validation commands), 2 usage or I/O error.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use channelops_core::auth::{self, Actor, OrgKind, Role};
use channelops_core::cur::{self, CheckStatus, ValidationResult};
use channelops_core::store::{self, Store};
use channelops_core::{CoreError, cloudformation, connect, handover, onboarding, progress};
use clap::{Parser, Subcommand};

mod aws_cmd;
use aws_cmd::{AwsArgs, AwsCmd};

#[derive(Parser)]
#[command(
    name = "channelops",
    version,
    about = "ChannelOps Onboarding Assistant — onboard end customers and validate their AWS Cost and Usage Reports"
)]
struct Cli {
    /// The database file (default: channelops.db in the data folder).
    #[arg(long, global = true, env = "CHANNELOPS_DB")]
    db: Option<PathBuf>,
    /// Sign in as this user (the password comes from CHANNELOPS_PASSWORD or a prompt).
    #[arg(long, global = true, env = "CHANNELOPS_USER")]
    user: Option<String>,
    #[command(flatten)]
    aws: AwsArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the Cost and Usage Reports in a folder that mirrors a bucket, or in one data file.
    ///
    /// Exit code: 0 when at least one report is valid, 1 when none is, 2 on usage or I/O errors.
    Validate {
        /// A folder mirroring the bucket's keys, a .csv/.csv.gz/.csv.zip/.parquet file, a
        /// diagnostic bundle, or s3://BUCKET[/PREFIX] (read with your AWS credentials).
        path: PathBuf,
        /// The AWS management (payer) account the CUR must belong to (12 digits).
        #[arg(long, value_parser = parse_account_id)]
        account_id: Option<String>,
        /// The bucket's region, to judge `bucket_region` for a local copy.
        #[arg(long)]
        region: Option<String>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Read every row of every file instead of a sample (slow on large reports).
        #[arg(long)]
        deep: bool,
        /// Rows sampled per file.
        #[arg(long, default_value_t = 1000)]
        sample_rows: u64,
        /// Also write a signed diagnostic bundle (the result plus the bytes it read) to FILE.
        #[arg(long)]
        bundle_out: Option<PathBuf>,
    },
    /// First run of a distributor or reseller: create the workspace and its first Admin.
    Init {
        #[arg(long, value_parser = ["distributor", "reseller"])]
        kind: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        domain: String,
        #[arg(long)]
        admin_email: String,
        #[arg(long)]
        admin_name: String,
    },
    /// Users of your organization.
    #[command(subcommand)]
    Users(UsersCmd),
    /// Resellers under your distributor.
    #[command(subcommand)]
    Resellers(ResellersCmd),
    /// Part 1: customers.
    #[command(subcommand)]
    Customers(CustomersCmd),
    /// Part 2: contracts.
    #[command(subcommand)]
    Contracts(ContractsCmd),
    /// Invitations: issue (reseller) and activate (customer Admin).
    #[command(subcommand)]
    Invitation(InvitationCmd),
    /// Part 3: the customer's AWS accounts.
    #[command(subcommand)]
    Accounts(AccountsCmd),
    /// AWS with your own credentials: profiles, pre-flight, bucket, stack link and status, insights.
    #[command(subcommand)]
    Aws(AwsCmd),
    /// Workspace settings (vendor CloudFormation settings, AWS endpoint).
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// The onboarding report (customer → reseller).
    #[command(subcommand)]
    Report(ReportCmd),
    /// Every customer's onboarding progress: part, step, blocker, who must act, next action.
    Progress {
        #[arg(long)]
        json: bool,
    },
    /// The audit log, newest first.
    Audit {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 200)]
        limit: u32,
    },
    /// Write generated CUR fixtures (every layout, valid and invalid) under DIR, one folder per variant.
    Fixtures { dir: PathBuf },
    /// Show the version and where the app keeps its data.
    Info {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum UsersCmd {
    /// The users of your organization.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a user to your organization (the new user's password is prompted).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["admin", "viewer"], default_value = "viewer")]
        role: String,
    },
}

#[derive(Subcommand)]
enum ResellersCmd {
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        domain: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CustomersCmd {
    /// Add a customer under a reseller you choose explicitly; prints the one-time activation code.
    Add {
        /// The parent reseller (name or ID).
        #[arg(long)]
        parent: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        domain: String,
        #[arg(long)]
        contact_name: String,
        #[arg(long)]
        contact_email: String,
        /// Save now and finish the profile later (stays visible as a pending task).
        #[arg(long)]
        complete_later: bool,
        /// Write the signed invitation file here.
        #[arg(long)]
        invitation_out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Edit {
        customer: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        domain: Option<String>,
        #[arg(long)]
        contact_name: Option<String>,
        #[arg(long)]
        contact_email: Option<String>,
        #[arg(long)]
        complete_later: Option<bool>,
    },
    /// Bulk onboarding from CSV: name,domain,contact_name,contact_email,parent[,complete_later]. All or nothing.
    Import { csv: PathBuf },
}

#[derive(Subcommand)]
enum ContractsCmd {
    Add {
        customer: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        plan: String,
        #[arg(long, default_value = "")]
        notes: String,
        #[arg(long, value_parser = ["draft", "active", "ended"], default_value = "active")]
        status: String,
    },
    List {
        customer: String,
        #[arg(long)]
        json: bool,
    },
    SetStatus {
        contract: String,
        #[arg(value_parser = ["draft", "active", "ended"])]
        status: String,
    },
}

#[derive(Subcommand)]
enum InvitationCmd {
    /// Issue a new invitation (a new code) and write the signed file and welcome message.
    Issue {
        customer: String,
        #[arg(long)]
        out: PathBuf,
        /// Also write the welcome email (.eml, with the invitation attached).
        #[arg(long)]
        eml: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// On the customer's machine: import the invitation file and choose a password.
    Activate {
        file: PathBuf,
        /// The activation code from the welcome message (checked against the file).
        #[arg(long)]
        code: Option<String>,
    },
    /// Activate an invitation this database already holds, with the typed code.
    ActivateCode {
        #[arg(long)]
        email: String,
        #[arg(long)]
        code: String,
    },
}

#[derive(Subcommand)]
enum AccountsCmd {
    Add {
        customer: String,
        #[arg(long)]
        aws_account_id: String,
    },
    Update {
        account: String,
        #[arg(long, value_parser = ["entered", "bucket_set", "stack_created", "cur_validated", "confirmed", "completed"])]
        state: Option<String>,
        #[arg(long)]
        bucket: Option<String>,
        #[arg(long)]
        prefix: Option<String>,
        #[arg(long)]
        report_name: Option<String>,
        #[arg(long)]
        role_arn: Option<String>,
        #[arg(long)]
        stack_id: Option<String>,
        /// Comma-separated: trusted_advisor,cost_optimization_hub,security_hub
        #[arg(long, value_delimiter = ',')]
        insights: Option<Vec<String>>,
    },
    List {
        customer: String,
        #[arg(long)]
        json: bool,
    },
    /// Validate the account's CUR from a local copy and store the run.
    Validate {
        account: String,
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum SettingsCmd {
    /// Every setting with its value (set here or the default).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set one (Admins); an empty value restores the default.
    Set { key: String, value: String },
}

#[derive(Subcommand)]
enum ReportCmd {
    Export {
        customer: String,
        #[arg(long)]
        out: PathBuf,
    },
    Import {
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("CHANNELOPS_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            eprintln!("  fix: {}", err.remedy());
            ExitCode::from(2)
        }
    }
}

fn parse_account_id(value: &str) -> Result<String, String> {
    let v = value.trim().replace('-', "");
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v)
    } else {
        Err("an AWS account ID is 12 digits, e.g. 111122223333".into())
    }
}

fn password(prompt: &str) -> Result<String, CoreError> {
    if let Ok(p) = std::env::var("CHANNELOPS_PASSWORD") {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CoreError::invalid(
            "a password is needed and there is no terminal to ask for it",
            "Set CHANNELOPS_PASSWORD, or run the command in a terminal.",
        ));
    }
    rpassword::prompt_password(prompt)
        .map_err(|e| CoreError::io("read the password from", "the terminal", e))
}

struct Session {
    store: Store,
}

impl Session {
    fn open(db: &Option<PathBuf>) -> Result<Session, CoreError> {
        let path = match db {
            Some(p) => p.clone(),
            None => store::default_path()?,
        };
        Ok(Session {
            store: Store::open(&path)?,
        })
    }

    /// Opens the database and signs the user in.
    fn signed_in(
        db: &Option<PathBuf>,
        user: &Option<String>,
    ) -> Result<(Session, Actor), CoreError> {
        let s = Session::open(db)?;
        let actor = s.actor(user)?;
        Ok((s, actor))
    }

    fn actor(&self, user: &Option<String>) -> Result<Actor, CoreError> {
        let email = user.as_deref().ok_or_else(|| CoreError::NotSignedIn {
            message: "this command needs a signed-in user".into(),
            remedy: "Add --user EMAIL (or set CHANNELOPS_USER); the password comes from CHANNELOPS_PASSWORD or a prompt.".into(),
        })?;
        auth::sign_in(
            self.store.conn(),
            email,
            &password(&format!("Password for {email}: "))?,
        )
    }
}

fn customer_id(store: &Store, name_or_id: &str) -> Result<String, CoreError> {
    Ok(onboarding::find_org(store.conn(), name_or_id, Some(OrgKind::Customer))?.id)
}

fn write_file(path: &std::path::Path, text: &str) -> Result<(), CoreError> {
    handover::write_file(path, text)
}

fn read_file(path: &std::path::Path) -> Result<Vec<u8>, CoreError> {
    handover::read_file(path)
}

fn name_of<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn run(cli: Cli) -> Result<ExitCode, CoreError> {
    let Cli {
        db,
        user,
        aws,
        command,
    } = cli;
    match command {
        Command::Init {
            kind,
            name,
            domain,
            admin_email,
            admin_name,
        } => {
            let mut s = Session::open(&db)?;
            let pw = password(&format!("Choose a password for {admin_email}: "))?;
            let actor = onboarding::init_workspace(
                &mut s.store,
                onboarding::NewWorkspace {
                    kind: OrgKind::parse(&kind)?,
                    name: &name,
                    domain: &domain,
                    admin_email: &admin_email,
                    admin_name: &admin_name,
                    password: &pw,
                },
            )?;
            println!(
                "Created the {kind} workspace {} with Admin {} ({}).",
                actor.org_name,
                actor.email,
                s.store.path().display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Users(UsersCmd::List { json }) => {
            let (s, actor) = Session::signed_in(&db, &user)?;
            let users = onboarding::list_users(s.store.conn(), &actor)?;
            print_rows(&users, json, |u| {
                format!(
                    "{}  {}  {}{}",
                    u.email,
                    u.name,
                    u.role.as_str(),
                    if u.active { "" } else { "  [not activated]" }
                )
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Users(UsersCmd::Add { email, name, role }) => {
            let (mut s, actor) = Session::signed_in(&db, &user)?;
            let pw = match std::env::var("CHANNELOPS_NEW_PASSWORD") {
                Ok(p) => p,
                Err(_) => password(&format!("Password for the new user {email}: "))?,
            };
            onboarding::add_user(
                &mut s.store,
                &actor,
                &email,
                &name,
                Role::parse(&role)?,
                &pw,
            )?;
            println!("Added {email} ({role}) to {}.", actor.org_name);
            Ok(ExitCode::SUCCESS)
        }
        Command::Resellers(cmd) => {
            let (mut s, actor) = Session::signed_in(&db, &user)?;
            match cmd {
                ResellersCmd::Add { name, domain } => {
                    let id = onboarding::add_reseller(&mut s.store, &actor, &name, &domain)?;
                    println!("Added reseller {name} ({id}).");
                }
                ResellersCmd::List { json } => {
                    let list =
                        onboarding::list_orgs(s.store.conn(), &actor, OrgKind::Reseller, None)?;
                    print_rows(&list, json, |o| {
                        format!("{}  {}  ({})", o.id, o.name, o.domain)
                    })?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Customers(cmd) => {
            let (mut s, actor) = Session::signed_in(&db, &user)?;
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
                    let parent =
                        onboarding::find_org(s.store.conn(), &parent, Some(OrgKind::Reseller))?;
                    let added = onboarding::add_customer(
                        &mut s.store,
                        &actor,
                        &onboarding::NewCustomer {
                            parent_id: parent.id.clone(),
                            name,
                            domain,
                            contact_name,
                            contact_email,
                            complete_later,
                        },
                    )?;
                    if let Some(out) = &invitation_out {
                        write_file(out, &added.invitation.file)?;
                    }
                    if json {
                        print_json(&added)?;
                    } else {
                        println!(
                            "Added customer {} under {}.",
                            added.customer_id, parent.name
                        );
                        println!(
                            "Activation code for {} (shown once, valid until {}): {}",
                            added.invitation.email,
                            added.invitation.expires_at,
                            added.invitation.code
                        );
                        if let Some(out) = invitation_out {
                            println!("Invitation file: {}", out.display());
                        }
                    }
                }
                CustomersCmd::List { search, json } => {
                    let list = onboarding::list_orgs(
                        s.store.conn(),
                        &actor,
                        OrgKind::Customer,
                        search.as_deref(),
                    )?;
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
                    let id = customer_id(&s.store, &customer)?;
                    let o = onboarding::edit_customer(
                        &mut s.store,
                        &actor,
                        &id,
                        &onboarding::CustomerChanges {
                            name,
                            domain,
                            contact_name,
                            contact_email,
                            complete_later,
                        },
                    )?;
                    println!("Updated {}.", o.name);
                }
                CustomersCmd::Import { csv } => {
                    let bytes = std::fs::read(&csv).map_err(|e| CoreError::io("read", &csv, e))?;
                    let n = onboarding::import_customers(&mut s.store, &actor, &bytes)?;
                    println!(
                        "Imported {n} customers. Issue their invitations with `channelops invitation issue`."
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Contracts(cmd) => {
            let (mut s, actor) = Session::signed_in(&db, &user)?;
            match cmd {
                ContractsCmd::Add {
                    customer,
                    start,
                    end,
                    plan,
                    notes,
                    status,
                } => {
                    let id = customer_id(&s.store, &customer)?;
                    let c = onboarding::add_contract(
                        &mut s.store,
                        &actor,
                        onboarding::NewContract {
                            customer_id: &id,
                            start_date: &start,
                            end_date: end.as_deref(),
                            plan: &plan,
                            notes: &notes,
                            status: onboarding::ContractStatus::parse(&status)?,
                        },
                    )?;
                    println!("Added contract {} ({}, {status}).", c.id, c.plan);
                }
                ContractsCmd::List { customer, json } => {
                    let id = customer_id(&s.store, &customer)?;
                    let list = onboarding::list_contracts(s.store.conn(), &actor, &id)?;
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
                    onboarding::set_contract_status(
                        &mut s.store,
                        &actor,
                        &contract,
                        onboarding::ContractStatus::parse(&status)?,
                    )?;
                    println!("Contract {contract} is now {status}.");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Invitation(cmd) => {
            let mut s = Session::open(&db)?;
            match cmd {
                InvitationCmd::Issue {
                    customer,
                    out,
                    eml,
                    json,
                } => {
                    let actor = s.actor(&user)?;
                    let id = customer_id(&s.store, &customer)?;
                    let inv = handover::export_invitation(&mut s.store, &actor, &id, &out)?;
                    if let Some(eml) = &eml {
                        write_file(eml, &inv.welcome_eml)?;
                    }
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
                    let bytes = read_file(&file)?;
                    let pw = password("Choose your password: ")?;
                    let actor =
                        handover::activate_invitation(&mut s.store, &bytes, code.as_deref(), &pw)?;
                    println!(
                        "Activated {} for {}. Sign in with --user {}.",
                        actor.email, actor.org_name, actor.email
                    );
                }
                InvitationCmd::ActivateCode { email, code } => {
                    let pw = password("Choose your password: ")?;
                    let actor = handover::activate_code(&mut s.store, &email, &code, &pw)?;
                    println!("Activated {} for {}.", actor.email, actor.org_name);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Accounts(cmd) => {
            let (mut s, actor) = Session::signed_in(&db, &user)?;
            match cmd {
                AccountsCmd::Add {
                    customer,
                    aws_account_id,
                } => {
                    let id = customer_id(&s.store, &customer)?;
                    let a = onboarding::add_account(&mut s.store, &actor, &id, &aws_account_id)?;
                    println!(
                        "Added AWS account {} ({}); external ID {}.",
                        a.aws_account_id, a.id, a.external_id
                    );
                }
                AccountsCmd::Update {
                    account,
                    state,
                    bucket,
                    prefix,
                    report_name,
                    role_arn,
                    stack_id,
                    insights,
                } => {
                    let update = onboarding::AccountUpdate {
                        state: state
                            .as_deref()
                            .map(onboarding::AccountState::parse)
                            .transpose()?,
                        bucket,
                        prefix,
                        report_name,
                        role_arn,
                        stack_id,
                        insights,
                    };
                    let a = onboarding::update_account(&mut s.store, &actor, &account, &update)?;
                    println!(
                        "AWS account {} is now {}.",
                        a.aws_account_id,
                        a.state.as_str()
                    );
                }
                AccountsCmd::List { customer, json } => {
                    let id = customer_id(&s.store, &customer)?;
                    let list = onboarding::list_accounts(s.store.conn(), &actor, &id)?;
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
                AccountsCmd::Validate {
                    account,
                    path,
                    json,
                } => {
                    let a = onboarding::visible_account(s.store.conn(), &actor, &account)?;
                    let options = cur::Options {
                        account_id: Some(a.aws_account_id.clone()),
                        ..Default::default()
                    };
                    let (source, _runtime) = open_validation_source(&path, &aws, &db)?;
                    let result =
                        cur::validate(source, &options, &|_| {}, &cur::CancelToken::default())?;
                    connect::record_listing(&mut s.store, &actor, &a.id, &result)?;
                    if json {
                        print_json(&result)?;
                    } else {
                        print_human(&result);
                    }
                    return Ok(if result.selectable.is_empty() {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    });
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Aws(AwsCmd::StackLink { account, open }) => {
            let (s, actor) = Session::signed_in(&db, &user)?;
            let link = connect::stack_link(&s.store, &actor, &account)?;
            println!("{link}");
            if open {
                cloudformation::check_openable(&link)?;
                open::that_detached(&link)
                    .map_err(|e| CoreError::io("open the browser for", "the console link", e))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Aws(cmd) => aws_cmd::run(cmd, &aws, &db),
        Command::Settings(cmd) => {
            match cmd {
                SettingsCmd::List { json } => {
                    let s = Session::open(&db)?;
                    let list = channelops_core::settings::list(&s.store)?;
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
                    let (mut s, actor) = Session::signed_in(&db, &user)?;
                    channelops_core::settings::set(&mut s.store, &actor, &key, &value)?;
                    println!("{key} set.");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report(cmd) => {
            let (mut s, actor) = Session::signed_in(&db, &user)?;
            match cmd {
                ReportCmd::Export { customer, out } => {
                    let id = customer_id(&s.store, &customer)?;
                    write_file(&out, &handover::export_report(&s.store, &actor, &id)?)?;
                    println!("Onboarding report: {}", out.display());
                }
                ReportCmd::Import { file } => {
                    let name = handover::import_report(&mut s.store, &actor, &read_file(&file)?)?;
                    println!("Updated the onboarding progress of {name}.");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Progress { json } => {
            let (s, actor) = Session::signed_in(&db, &user)?;
            let list = progress::progress(s.store.conn(), &actor)?;
            print_rows(&list, json, |p| {
                format!(
                    "{:<30} {:>3}%  part {}  {:<9} {:<13} next: {}{}{}",
                    p.customer,
                    p.percent,
                    p.part,
                    name_of(p.step),
                    name_of(p.health),
                    p.next_action,
                    if p.who_must_act.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", p.who_must_act)
                    },
                    p.blocker
                        .as_ref()
                        .map(|b| format!(" — {b}"))
                        .unwrap_or_default()
                )
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit { json, limit } => {
            let s = Session::open(&db)?;
            s.actor(&user)?;
            let log = onboarding::audit_log(s.store.conn(), limit)?;
            print_rows(&log, json, |e| {
                format!(
                    "{}  {:<28} {:<22} {} {}",
                    e.at, e.actor, e.action, e.target, e.detail
                )
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate {
            path,
            account_id,
            region,
            json,
            deep,
            sample_rows,
            bundle_out,
        } => {
            let (source, _runtime) = open_validation_source(&path, &aws, &db)?;
            let options = cur::Options {
                account_id,
                region,
                deep,
                sample_rows,
                ..Default::default()
            };
            let show_progress = !json && std::io::stderr().is_terminal();
            let progress = |p: cur::Progress| {
                if show_progress {
                    eprint!(
                        "\rreading files {}/{} ({} read)   ",
                        p.files_done,
                        p.files_total,
                        human_bytes(p.bytes_read)
                    );
                }
            };
            let result = match &bundle_out {
                Some(out) => {
                    let key = match &db {
                        Some(p) => handover::load_key(p)?,
                        None => handover::load_key(&store::default_path()?)?,
                    };
                    let (result, bundle) = handover::validate_and_bundle(
                        source,
                        &options,
                        &key,
                        &progress,
                        &cur::CancelToken::default(),
                    )?;
                    write_file(out, &bundle)?;
                    result
                }
                None => cur::validate(source, &options, &progress, &cur::CancelToken::default())?,
            };
            if show_progress {
                eprint!("\r\x1b[2K");
            }
            if json {
                print_json(&result)?;
            } else {
                print_human(&result);
            }
            Ok(if result.selectable.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Fixtures { dir } => {
            cur::fixtures::write_all_variants(&dir)?;
            for v in cur::fixtures::VARIANTS {
                println!("{}", dir.join(v.folder).display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Info { json } => {
            let info = channelops_core::app_info()?;
            if json {
                print_json(&info)?;
            } else {
                println!("{} {}", info.product, info.version);
                println!(
                    "data folder: {}{}",
                    info.data_dir,
                    if info.data_dir_writable {
                        ""
                    } else {
                        " (not writable!)"
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A folder, a data file, a diagnostic bundle (recognised by its content), or an
/// `s3://BUCKET[/PREFIX]` address (with the AWS runtime its reads run on).
fn open_validation_source(
    path: &std::path::Path,
    aws: &AwsArgs,
    db: &Option<PathBuf>,
) -> Result<
    (
        std::sync::Arc<dyn cur::Source>,
        Option<tokio::runtime::Runtime>,
    ),
    CoreError,
> {
    if aws_cmd::is_s3(path) {
        let (source, rt) = aws_cmd::open_s3(&path.to_string_lossy(), aws, db)?;
        return Ok((source, Some(rt)));
    }
    Ok((handover::open_source(path)?, None))
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

fn print_human(result: &ValidationResult) {
    println!("Source: {}", result.source);
    if let Some(note) = &result.note {
        println!("\n{note}");
    }
    for report in &result.reports {
        let kind = serde_json::to_value(report.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        println!(
            "\nReport {:?} ({kind}) at {} — {}",
            report.name,
            if report.location.is_empty() {
                "/"
            } else {
                &report.location
            },
            if report.valid { "VALID" } else { "NOT VALID" }
        );
        if !report.billing_periods.is_empty() {
            println!(
                "  billing periods: {} (the latest decides)",
                report.billing_periods.join(", ")
            );
        }
        for check in &report.checks {
            let mark = match check.status {
                CheckStatus::Pass => "✔",
                CheckStatus::Fail => "✖",
                CheckStatus::Warn => "!",
                CheckStatus::Skipped => "-",
            };
            println!("  {mark} {:<22} {}", check.id.as_str(), check.message);
            if let Some(e) = &check.evidence {
                let parts: Vec<String> =
                    [("file", &e.key), ("column", &e.column), ("value", &e.value)]
                        .iter()
                        .filter_map(|(label, v)| v.as_ref().map(|v| format!("{label} {v}")))
                        .collect();
                if !parts.is_empty() {
                    println!("      seen: {}", parts.join("; "));
                }
            }
            if let Some(r) = &check.remedy {
                println!("      fix:  {r}");
            }
        }
    }
    println!();
    match (result.selectable.len(), &result.choose_one) {
        (0, _) => println!("No valid CUR."),
        (_, Some(msg)) => println!("{msg}"),
        _ => println!("Valid CUR: {}", result.selectable.join(", ")),
    }
    let pct = if result.bytes_total > 0 {
        100.0 * result.bytes_read as f64 / result.bytes_total as f64
    } else {
        0.0
    };
    println!(
        "Read {} of {} ({pct:.3}%).",
        human_bytes(result.bytes_read),
        human_bytes(result.bytes_total)
    );
}

/// A list as JSON (`--json`) or one text line per item.
fn print_rows<T: serde::Serialize>(
    rows: &[T],
    json: bool,
    line: impl Fn(&T) -> String,
) -> Result<(), CoreError> {
    if json {
        return print_json(&rows);
    }
    for row in rows {
        println!("{}", line(row));
    }
    Ok(())
}

fn print_json(value: &impl serde::Serialize) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CoreError::InvalidInput {
        message: format!("could not format the result as JSON: {e}"),
        remedy: "Run the command again without --json and report this problem.".to_owned(),
    })?;
    println!("{text}");
    Ok(())
}
