//! `channelops`: the command line of the ChannelOps Onboarding Assistant.
//!
//! A thin adapter over the application layer (`channelops_core::app`): parse the
//! arguments (`args`), call one action per subcommand (the `*_cmd` modules),
//! print the result (`output`: text or `--json`), map errors to exit codes.
//! Exit codes: 0 success, 1 a negative verdict (validation commands), 2 usage or I/O error.

use std::future::Future;
use std::io::IsTerminal;
use std::process::ExitCode;

use channelops_core::app::{AwsDefaults, Session};
use channelops_core::text::Text;
use channelops_core::{CoreError, text};
use clap::Parser;
use output::tr;

/// Every line the CLI prints goes through [`output::emit`]: control characters
/// from files, keys and AWS answers are shown escaped (never run by the
/// terminal), and a closed stdout (`channelops … | head`) ends the program
/// quietly instead of panicking. These shadow the standard macros in this crate.
macro_rules! println {
    () => { $crate::output::emit(false, "") };
    ($($arg:tt)*) => { $crate::output::emit(false, &format!($($arg)*)) };
}
macro_rules! eprintln {
    ($($arg:tt)*) => { $crate::output::emit(true, &format!($($arg)*)) };
}

mod args;
mod customers_cmd;
mod output;
mod part3_cmd;
mod validate_cmd;
mod workspace_cmd;

use args::{Cli, Command};

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("CHANNELOPS_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    output::set_language(
        cli.lang
            .as_deref()
            .map_or_else(text::env_language, text::language_of),
    );
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}", tr(&text!("cli-error", message = tr(&err.text()))));
            eprintln!(
                "  {}",
                tr(&text!("cli-fix", remedy = tr(&err.remedy_text())))
            );
            ExitCode::from(2)
        }
    }
}

/// What every subcommand works with: the application layer's session, the
/// runtime its actions run on, and the user named on the command line.
pub struct Ctx {
    pub session: Session,
    runtime: tokio::runtime::Runtime,
    user: Option<String>,
}

impl Ctx {
    /// Runs one action of the application layer to its end.
    pub fn call<F: Future>(&self, action: F) -> F::Output {
        self.runtime.block_on(action)
    }

    /// Signs in the user of `--user` (the password from CHANNELOPS_PASSWORD or a prompt).
    pub fn sign_in(&self) -> Result<(), CoreError> {
        let email = self.user.clone().ok_or_else(|| CoreError::NotSignedIn {
            message: text!("cli-err-needs-user"),
            remedy: text!("cli-fix-needs-user"),
        })?;
        let password = password(&format!(
            "{} ",
            tr(&text!("cli-ask-password", email = &email))
        ))?;
        self.call(self.session.sign_in(email, password))?;
        Ok(())
    }
}

/// A password from CHANNELOPS_PASSWORD, else typed at a prompt.
pub fn password(prompt: &str) -> Result<String, CoreError> {
    if let Ok(p) = std::env::var("CHANNELOPS_PASSWORD") {
        return Ok(p);
    }
    typed_unseen(
        prompt,
        text!("cli-what-password"),
        text!("cli-fix-password"),
    )
}

/// A secret typed at the terminal (not echoed), e.g. the activation code.
pub fn secret(prompt: &str) -> Result<String, CoreError> {
    typed_unseen(prompt, text!("cli-what-code"), text!("cli-fix-code"))
}

/// Asks for `what` at the terminal without echo; without a terminal, says how
/// else to give it (`remedy`).
fn typed_unseen(prompt: &str, what: Text, remedy: Text) -> Result<String, CoreError> {
    if !std::io::stdin().is_terminal() {
        return Err(CoreError::invalid(
            text!("cli-err-no-terminal", what = what),
            remedy,
        ));
    }
    rpassword::prompt_password(prompt)
        .map_err(|e| CoreError::io("read the answer from", "the terminal", e))
}

/// 0 when the verdict is positive, 1 when not.
pub fn verdict(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run(cli: Cli) -> Result<ExitCode, CoreError> {
    let Cli {
        db,
        user,
        aws,
        command,
        lang: _,
    } = cli;
    let ctx = Ctx {
        session: Session::new(
            db,
            AwsDefaults {
                profile: aws.profile,
                endpoint_url: aws.endpoint_url,
            },
        ),
        runtime: channelops_core::aws::runtime()?,
        user,
    };
    match command {
        Command::Validate {
            path,
            account_id,
            region,
            json,
            deep,
            sample_rows,
            bundle_out,
        } => validate_cmd::validate(
            &ctx,
            validate_cmd::Request {
                path,
                account_id,
                region,
                json,
                deep,
                sample_rows,
                bundle_out,
            },
        ),
        Command::Init {
            kind,
            name,
            domain,
            admin_email,
            admin_name,
        } => workspace_cmd::init(&ctx, &kind, name, domain, admin_email, admin_name),
        Command::Users(cmd) => workspace_cmd::users(&ctx, cmd),
        Command::Resellers(cmd) => workspace_cmd::resellers(&ctx, cmd),
        Command::Settings(cmd) => workspace_cmd::settings(&ctx, cmd),
        Command::Audit { json, limit } => workspace_cmd::audit(&ctx, json, limit),
        Command::Info { json } => workspace_cmd::info(json),
        Command::Fixtures { dir, hostile } => validate_cmd::fixtures(&dir, hostile),
        Command::Customers(cmd) => customers_cmd::customers(&ctx, cmd),
        Command::Contracts(cmd) => customers_cmd::contracts(&ctx, cmd),
        Command::Invitation(cmd) => customers_cmd::invitation(&ctx, cmd),
        Command::Report(cmd) => customers_cmd::report(&ctx, cmd),
        Command::Progress { json } => customers_cmd::progress(&ctx, json),
        Command::Accounts(cmd) => part3_cmd::accounts(&ctx, cmd),
        Command::Aws(cmd) => part3_cmd::aws(&ctx, cmd),
    }
}
