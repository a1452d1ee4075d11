//! The command line's words: every subcommand and option, each with its one-line
//! description (`--help`). Parsing only; `main.rs` dispatches.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The account-ID rule of the core, for clap.
fn account_id(value: &str) -> Result<String, String> {
    channelops_core::ids::aws_account_id(value).map_err(|e| e.remedy())
}

#[derive(Parser)]
#[command(
    name = "channelops",
    version,
    about = "ChannelOps Onboarding Assistant — onboard end customers and validate their AWS Cost and Usage Reports"
)]
pub struct Cli {
    /// The database file (default: channelops.db in the data folder).
    #[arg(long, global = true, env = "CHANNELOPS_DB")]
    pub db: Option<PathBuf>,
    /// Sign in as this user (the password comes from CHANNELOPS_PASSWORD or a prompt).
    #[arg(long, global = true, env = "CHANNELOPS_USER")]
    pub user: Option<String>,
    /// Language of the messages: en or ja (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
    #[command(flatten)]
    pub aws: AwsArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// AWS settings for every command that calls AWS.
#[derive(Args, Clone, Debug, Default)]
pub struct AwsArgs {
    /// The AWS profile of ~/.aws/config to use (default: the SDK's chain).
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// Send every AWS call to this endpoint (a local emulator).
    #[arg(long, global = true)]
    pub endpoint_url: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Validate the Cost and Usage Reports in a folder that mirrors a bucket, or in one data file.
    ///
    /// Exit code: 0 when at least one report is valid, 1 when none is, 2 on usage or I/O errors.
    Validate {
        /// A folder mirroring the bucket's keys, a .csv/.csv.gz/.csv.zip/.parquet file, a
        /// diagnostic bundle, or s3://BUCKET[/PREFIX] (read with your AWS credentials).
        path: PathBuf,
        /// The AWS management (payer) account the CUR must belong to (12 digits).
        #[arg(long, value_parser = account_id)]
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
        /// What your organization is.
        #[arg(long, value_parser = ["distributor", "reseller"])]
        kind: String,
        /// Your company's name.
        #[arg(long)]
        name: String,
        /// Your company's domain, e.g. example.com.
        #[arg(long)]
        domain: String,
        /// The first Admin's email (the password is prompted).
        #[arg(long)]
        admin_email: String,
        /// The first Admin's name.
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
    /// Part 3, step by step: the customer's AWS accounts.
    #[command(subcommand)]
    Accounts(AccountsCmd),
    /// AWS with your own credentials: profiles, pre-flight, bucket, the CUR (checked, or created for you), the stack (link, created for you, status), insights.
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
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The audit log, newest first.
    Audit {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// How many entries at most.
        #[arg(long, default_value_t = 200)]
        limit: u32,
    },
    /// Write generated CUR fixtures (every layout, valid and invalid) under DIR, one folder per variant.
    Fixtures {
        /// The folder to write them in.
        dir: PathBuf,
        /// Write the adversarial corpus instead (crafted and oversized inputs), and
        /// print its cases as JSON: for tests.
        #[arg(long, hide = true)]
        hostile: bool,
    },
    /// Show the version and where the app keeps its data.
    Info {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum UsersCmd {
    /// The users of your organization.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Add a user to your organization (the new user's password is prompted).
    Add {
        /// The new user's email.
        #[arg(long)]
        email: String,
        /// The new user's name.
        #[arg(long)]
        name: String,
        /// Admin (acts) or viewer (reads).
        #[arg(long, value_parser = ["admin", "viewer"], default_value = "viewer")]
        role: String,
    },
}

#[derive(Subcommand)]
pub enum ResellersCmd {
    /// Add a reseller under your distributor.
    Add {
        /// The reseller's name.
        #[arg(long)]
        name: String,
        /// The reseller's domain.
        #[arg(long)]
        domain: String,
    },
    /// The resellers under your distributor.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CustomersCmd {
    /// Add a customer under a reseller you choose explicitly; prints the one-time activation code.
    Add {
        /// The parent reseller (name or ID).
        #[arg(long)]
        parent: String,
        /// The customer's company name.
        #[arg(long)]
        name: String,
        /// The customer's domain.
        #[arg(long)]
        domain: String,
        /// The name of the customer's Admin.
        #[arg(long)]
        contact_name: String,
        /// The email of the customer's Admin (who receives the invitation).
        #[arg(long)]
        contact_email: String,
        /// Save now and finish the profile later (stays visible as a pending task).
        #[arg(long)]
        complete_later: bool,
        /// Write the signed invitation file here.
        #[arg(long)]
        invitation_out: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The customers you can see.
    List {
        /// Only those whose name, domain or Admin email contains this.
        #[arg(long)]
        search: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Change a customer's profile.
    Edit {
        /// The customer (name or ID).
        customer: String,
        /// A new company name.
        #[arg(long)]
        name: Option<String>,
        /// A new domain.
        #[arg(long)]
        domain: Option<String>,
        /// A new Admin contact name.
        #[arg(long)]
        contact_name: Option<String>,
        /// A new Admin contact email.
        #[arg(long)]
        contact_email: Option<String>,
        /// Mark the profile as to be completed later (true) or complete (false).
        #[arg(long)]
        complete_later: Option<bool>,
    },
    /// Bulk onboarding from CSV: name,domain,contact_name,contact_email,parent[,complete_later]. All or nothing.
    Import {
        /// The CSV file.
        csv: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ContractsCmd {
    /// Assign a contract to a customer.
    Add {
        /// The customer (name or ID).
        customer: String,
        /// Start date, YYYY-MM-DD.
        #[arg(long)]
        start: String,
        /// End date, YYYY-MM-DD (open-ended when absent).
        #[arg(long)]
        end: Option<String>,
        /// The plan or terms.
        #[arg(long)]
        plan: String,
        /// Free notes.
        #[arg(long, default_value = "")]
        notes: String,
        /// The contract's status.
        #[arg(long, value_parser = ["draft", "active", "ended"], default_value = "active")]
        status: String,
    },
    /// A customer's contracts.
    List {
        /// The customer (name or ID).
        customer: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Change a contract's status.
    SetStatus {
        /// The contract's ID.
        contract: String,
        /// The new status.
        #[arg(value_parser = ["draft", "active", "ended"])]
        status: String,
    },
}

#[derive(Subcommand)]
pub enum InvitationCmd {
    /// Issue a new invitation (a new code) and write the signed file and welcome message.
    Issue {
        /// The customer (name or ID).
        customer: String,
        /// Where to write the signed invitation file.
        #[arg(long)]
        out: PathBuf,
        /// Also write the welcome email (.eml, with the invitation attached).
        #[arg(long)]
        eml: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// On the customer's machine: import the invitation file and choose a password.
    Activate {
        /// The invitation file.
        file: PathBuf,
        /// The activation code from the welcome message (required: the file alone
        /// activates nothing). Asked for when not given.
        #[arg(long, env = "CHANNELOPS_CODE", hide_env_values = true)]
        code: Option<String>,
    },
    /// Activate an invitation this database already holds, with the typed code.
    ActivateCode {
        /// The invited Admin's email.
        #[arg(long)]
        email: String,
        /// The activation code.
        #[arg(long)]
        code: String,
    },
}

/// Part 3 as the window walks it: each step with its evidence, in order; a
/// step done again never takes the account back.
#[derive(Subcommand)]
pub enum AccountsCmd {
    /// Enter the customer's AWS management account.
    Add {
        /// The customer (name or ID).
        customer: String,
        /// The AWS management account ID (12 digits).
        #[arg(long, value_parser = account_id)]
        aws_account_id: String,
    },
    /// A customer's AWS accounts and how far each is.
    List {
        /// The customer (name or ID).
        customer: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The bucket step: check the CUR bucket with your AWS credentials and record it when usable.
    Bucket {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// The CUR's S3 bucket.
        bucket: String,
        /// The CUR's S3 prefix, if any.
        #[arg(long, default_value = "")]
        prefix: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The stack step: follow the vendor stack until it is done or failed, and record it when done.
    Stack {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The CUR list: judge the account's bucket (or a local copy of it) and record the run.
    Validate {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// A local copy of the bucket, a bundle or s3://… (default: the account's bucket on S3).
        path: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// "Confirm and proceed" with one valid CUR of the latest validation.
    Confirm {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// The report's name, as the validation lists it.
        report: String,
    },
    /// "Complete": finish the account, with the insights chosen.
    Complete {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// Comma-separated: trusted_advisor,cost_optimization_hub,security_hub
        #[arg(long, value_delimiter = ',')]
        insights: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum AwsCmd {
    /// Print (and with --open, open) the CloudFormation quick-create link of an account.
    StackLink {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// Also open it in the browser (AWS console links only).
        #[arg(long)]
        open: bool,
    },
    /// The profiles of ~/.aws/config and ~/.aws/credentials.
    Profiles {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Who you are in AWS, whether the account matches, and the seven permissions.
    Preflight {
        /// The AWS management account you will connect (12 digits).
        #[arg(long, value_parser = account_id)]
        account_id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Whether a bucket exists, is in us-east-1, and can be listed and read.
    Bucket {
        /// The bucket's name.
        bucket: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// AWS's word on your CURs: legacy CUR definitions judged, Data Exports named, and the bucket's delivery check.
    ///
    /// Exit status: 0 when a legacy CUR definition is right (for the bucket, when
    /// given), 1 when none is, 2 on usage or connection errors. Needs
    /// cur:DescribeReportDefinitions and bcm-data-exports:ListExports/GetExport
    /// (each denied call is said, the rest still checked), and with --bucket
    /// s3:GetBucketPolicy and s3:GetEncryptionConfiguration.
    Curs {
        /// The CUR bucket: definitions must deliver to it, and its policy must let AWS deliver.
        #[arg(long)]
        bucket: Option<String>,
        /// The S3 prefix the reports are read under (with --bucket).
        #[arg(long, default_value = "", requires = "bucket")]
        prefix: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Create the legacy CUR for you: the bucket in us-east-1 if absent, its delivery policy, the CUR.
    ///
    /// The plan is printed first and nothing is changed until you confirm it (or
    /// pass --yes); --dry-run prints the plan only. Nothing existing is deleted or
    /// overwritten: a statement already in the bucket policy stays, an existing CUR
    /// name is refused. Each change is audited with AWS's request ID, so a
    /// signed-in user (--user) is needed to apply. Exit status: 0 created (or, with
    /// --dry-run, the plan can run), 1 refused or a step failed, 2 usage or
    /// connection errors.
    CreateCur {
        /// The bucket (created in us-east-1 when it does not exist).
        #[arg(long)]
        bucket: String,
        /// The report name.
        #[arg(long, default_value = "channelops-cur")]
        name: String,
        /// The S3 prefix the reports are delivered under.
        #[arg(long, default_value = "cur")]
        prefix: String,
        /// Parquet (recommended) or gzip CSV.
        #[arg(long, value_parser = ["parquet", "csv"], default_value = "parquet")]
        format: String,
        /// Print the plan and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Apply without asking (scripts).
        #[arg(long)]
        yes: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Create the vendor stack for you (the quick-create link's template and parameters).
    ///
    /// The plan (what the template creates, its capabilities and parameters) is
    /// printed first; nothing is changed until you confirm it (or pass --yes);
    /// --dry-run prints it only. An existing stack is never replaced. Exit status:
    /// 0 created (with --wait: complete), 1 refused or failed, 2 usage or
    /// connection errors.
    CreateStack {
        /// The cloud account (its ID or AWS account ID).
        account: String,
        /// Print the plan and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Follow the stack until it is complete or failed, and record it.
        #[arg(long)]
        wait: bool,
        /// Apply without asking (scripts).
        #[arg(long)]
        yes: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The vendor stack's status (the workspace's stack name unless given).
    StackStatus {
        /// Another stack name.
        #[arg(long)]
        stack_name: Option<String>,
        /// Follow it until it is complete or failed (every 3 s, 30 min at most).
        #[arg(long)]
        wait: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Trusted Advisor, Cost Optimization Hub and Security Hub, as they are now.
    Insights {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SettingsCmd {
    /// Every setting with its value (set here or the default).
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Set one (Admins); an empty value restores the default.
    Set {
        /// The setting's name (see `settings list`).
        key: String,
        /// Its new value.
        value: String,
    },
}

#[derive(Subcommand)]
pub enum ReportCmd {
    /// On the customer's machine: write the signed onboarding report.
    Export {
        /// The customer (name or ID).
        customer: String,
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
    },
    /// On the reseller's machine: import a customer's onboarding report.
    Import {
        /// The report file.
        file: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// `--help` names what every subcommand and option is for, in one line.
    #[test]
    fn every_subcommand_and_option_has_a_one_line_description() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if arg.is_hide_set() || id == "help" || id == "version" {
                    continue;
                }
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                if help.trim().is_empty() || help.contains('\n') {
                    missing.push(format!("{path} <{id}>"));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.is_hide_set() || sub.get_name() == "help" {
                    continue;
                }
                let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
                let name = format!("{path} {}", sub.get_name());
                if about.trim().is_empty() || about.contains('\n') {
                    missing.push(name.clone());
                }
                walk(sub, &name, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::Cli::command(), "channelops", &mut missing);
        assert!(
            missing.is_empty(),
            "without a one-line description: {missing:#?}"
        );
    }
}
