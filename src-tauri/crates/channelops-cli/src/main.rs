//! `channelops`: the command line of the ChannelOps Onboarding Assistant.
//!
//! A thin adapter over `channelops-core`: parse arguments, call the core, print
//! the result (human text or `--json`), map errors to exit codes.
//! Exit codes: 0 success, 1 a negative verdict (validation commands), 2 usage or I/O error.

use std::process::ExitCode;

use channelops_core::CoreError;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "channelops",
    version,
    about = "ChannelOps Onboarding Assistant — onboard end customers and validate their AWS Cost and Usage Reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show the version and where the app keeps its data.
    Info {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
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

fn run(cli: Cli) -> Result<ExitCode, CoreError> {
    match cli.command {
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

fn print_json(value: &impl serde::Serialize) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CoreError::InvalidInput {
        message: format!("could not format the result as JSON: {e}"),
        remedy: "Run the command again without --json and report this problem.".to_owned(),
    })?;
    println!("{text}");
    Ok(())
}
