//! `channelops`: the command line of the ChannelOps Onboarding Assistant.
//!
//! A thin adapter over `channelops-core`: parse arguments, call the core, print
//! the result (human text or `--json`), map errors to exit codes.
//! Exit codes: 0 success, 1 a negative verdict (validation commands), 2 usage or I/O error.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use channelops_core::CoreError;
use channelops_core::cur::{self, CheckStatus, ValidationResult};
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
    /// Validate the Cost and Usage Reports in a folder that mirrors a bucket, or in one data file.
    ///
    /// Exit code: 0 when at least one report is valid, 1 when none is, 2 on usage or I/O errors.
    Validate {
        /// A folder mirroring the bucket's keys, a .csv/.csv.gz/.csv.zip/.parquet file.
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

fn run(cli: Cli) -> Result<ExitCode, CoreError> {
    match cli.command {
        Command::Validate {
            path,
            account_id,
            region,
            json,
            deep,
            sample_rows,
        } => {
            if path.to_string_lossy().starts_with("s3://") {
                return Err(CoreError::InvalidInput {
                    message: "s3:// sources are not supported by this version".into(),
                    remedy: "Copy the bucket with `aws s3 sync s3://BUCKET/PREFIX DIR` and validate DIR.".into(),
                });
            }
            let source = cur::open_local(&path)?;
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
            let result = cur::validate(source, &options, &progress, &cur::CancelToken::default())?;
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

fn print_json(value: &impl serde::Serialize) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CoreError::InvalidInput {
        message: format!("could not format the result as JSON: {e}"),
        remedy: "Run the command again without --json and report this problem.".to_owned(),
    })?;
    println!("{text}");
    Ok(())
}
