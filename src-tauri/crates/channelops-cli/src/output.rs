//! How results are printed: one JSON document (`--json`) or lines for people.

use std::sync::OnceLock;

use channelops_core::aws::change::Applied;
use channelops_core::aws::create_stack::StackPlan;
use channelops_core::aws::cur_definitions::Delivery;
use channelops_core::aws::cur_overview::{CurOverview, CurState, definition_state};
use channelops_core::aws::errors::Unanswered;
use channelops_core::aws::identity::OrgRole;
use channelops_core::aws::preflight::{Decision, Preflight};
use channelops_core::aws::stack::StackStatus;
use channelops_core::cur::{CheckStatus, ValidationResult};
use channelops_core::preferences::Language;
use channelops_core::text::Text;
use channelops_core::{CoreError, text};

static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// The language of every message printed from now on (`--lang`, else `LANG`).
pub fn set_language(lang: Language) {
    let _ = LANGUAGE.set(lang);
}

/// The language messages are printed in.
pub fn language() -> Language {
    LANGUAGE.get().copied().unwrap_or(Language::En)
}

/// A message of the core's catalog in the chosen language.
pub fn tr(t: &Text) -> String {
    t.render(language())
}

/// Prints one line to stdout (or stderr), control characters escaped. A closed
/// stdout is a normal end (`| head`): the program exits 0 at once.
pub fn emit(to_stderr: bool, line: &str) {
    use std::io::Write as _;
    let text = escape_controls(line);
    if to_stderr {
        let _ = writeln!(std::io::stderr().lock(), "{text}");
        return;
    }
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}")
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// Control characters (but newline and tab) and the Unicode bidi controls as
/// visible escapes (`\u{1b}`): text from files and AWS never drives the terminal.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if unsafe_char(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The serialized name of an enum value (`snake_case`), for text output.
pub fn name_of<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A list as JSON (`--json`) or one text line per item.
pub fn print_rows<T: serde::Serialize>(
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

/// One JSON document. Each message of the core keeps its `id` and `args` and
/// gains its `text` in the chosen language (scripts branch on ids, people read text).
pub fn print_json(value: &impl serde::Serialize) -> Result<(), CoreError> {
    let failed = |e: serde_json::Error| CoreError::InvalidInput {
        message: text!("cli-err-json", detail = e.to_string()),
        remedy: text!("cli-fix-json"),
    };
    let mut value = serde_json::to_value(value).map_err(failed)?;
    text::annotate_json(&mut value, language());
    let out = serde_json::to_string_pretty(&value).map_err(failed)?;
    println!("{out}");
    Ok(())
}

/// `json` as one document, else the text `human` prints.
pub fn print_either<T: serde::Serialize>(
    value: &T,
    json: bool,
    human: impl FnOnce(&T),
) -> Result<(), CoreError> {
    if json {
        print_json(value)
    } else {
        human(value);
        Ok(())
    }
}

pub fn human_bytes(n: u64) -> String {
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

/// A validation result for people: every report, every check, evidence and fix.
fn check_mark(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Pass => "✔",
        CheckStatus::Fail => "✖",
        CheckStatus::Warn => "!",
        CheckStatus::Skipped => "-",
    }
}

fn print_unanswered(u: &Unanswered) {
    println!("  not checked: {}", tr(&u.problem));
    println!("      {}", tr(&text!("cli-fix", remedy = tr(&u.remedy))));
}

/// AWS's word on the account's CURs: definitions, exports, the bucket's delivery check.
pub fn print_overview(o: &CurOverview) {
    println!(
        "AWS account {} — asked {}{}",
        o.account,
        o.checked_at,
        o.bucket
            .as_ref()
            .map(|b| format!(", for the bucket {b}"))
            .unwrap_or_default()
    );
    println!("\nLegacy CUR definitions (cur:DescribeReportDefinitions):");
    if let Some(u) = &o.definitions_unanswered {
        print_unanswered(u);
    } else if o.definitions.is_empty() {
        println!(
            "  none: create a legacy CUR export in Data Exports (see `channelops aws curs --help`)."
        );
    }
    for d in &o.definitions {
        // The core's state of a definition, with AWS's last delivery when it has one.
        let state = match (definition_state(d), d.delivery) {
            (CurState::OtherBucket, _) => "ANOTHER BUCKET",
            (CurState::DefinitionWrong, _) => "DEFINITION WRONG",
            (CurState::DeliveryFailed, _) => "RIGHT — DELIVERY FAILED",
            (_, Delivery::Delivered) => "RIGHT — DELIVERED",
            (_, Delivery::Waiting) => "RIGHT — WAITING FOR THE FIRST DELIVERY (within 24 hours)",
            _ => "RIGHT",
        };
        println!(
            "\n  {:?} → s3://{}/{}/ — {state}",
            d.definition.name,
            d.definition.bucket,
            d.definition.location()
        );
        for c in d.checks.iter().filter(|c| c.status != CheckStatus::Pass) {
            println!(
                "    {} {:<22} {}",
                check_mark(c.status),
                c.id.as_str(),
                tr(&c.message)
            );
            if let Some(r) = &c.remedy {
                println!("        {}", tr(&text!("cli-fix", remedy = tr(r))));
            }
        }
    }
    println!("\nData Exports (bcm-data-exports:ListExports):");
    if let Some(u) = &o.exports_unanswered {
        print_unanswered(u);
    } else if o.exports.is_empty() {
        println!("  none");
    }
    for e in &o.exports {
        println!("  ✖ {}", tr(&e.message));
        println!("      {}", tr(&text!("cli-fix", remedy = tr(&e.remedy))));
    }
    if let Some(d) = &o.delivery {
        println!(
            "\nBucket {} ready for delivery: {}",
            d.bucket,
            if d.ready { "yes" } else { "NO" }
        );
        for f in &d.findings {
            println!(
                "  {} {:<22} {}",
                check_mark(f.status),
                name_of(f.id),
                tr(&f.message)
            );
            if let Some(r) = &f.remedy {
                println!("      {}", tr(&text!("cli-fix", remedy = tr(r))));
            }
        }
        if let Some(s) = &d.statement {
            println!("  statements to add:");
            for line in s.lines() {
                println!("    {line}");
            }
        }
    }
}

/// A plan of changes: its steps, what stands in its way, what AWS will decide,
/// and the bucket policy it would write.
pub fn print_plan(steps: &[Text], refusals: &[Text], warnings: &[Text], policy: Option<&str>) {
    println!("Plan (nothing is changed before you confirm):");
    for (i, s) in steps.iter().enumerate() {
        println!("  {}. {}", i + 1, tr(s));
    }
    if let Some(p) = policy {
        println!("  The bucket policy after the change:");
        for line in p.lines() {
            println!("    {line}");
        }
    }
    for w in warnings {
        println!("  ! {}", tr(w));
    }
    for r in refusals {
        println!("  ✖ cannot run: {}", tr(r));
    }
}

pub fn print_stack_plan(p: &StackPlan) {
    print_plan(&p.steps, &p.refusals, &[], None);
    println!("  Parameters:");
    for param in &p.parameters {
        println!("    {} = {}", param.key, param.value);
    }
    if let Some(why) = &p.capabilities_reason {
        println!("  Capabilities {}: {why}", p.capabilities.join(", "));
    }
}

/// The changes made (with AWS's request IDs) and the step that failed.
pub fn print_applied(a: &Applied) {
    for c in &a.changes {
        println!(
            "✔ {} {} (request {})",
            c.action,
            c.target,
            c.request_id.as_deref().unwrap_or("unknown")
        );
    }
    if let Some(f) = &a.failure {
        println!("✖ {}: {}", f.action, tr(&f.message));
        println!("  {}", tr(&text!("cli-fix", remedy = tr(&f.remedy))));
        if !a.changes.is_empty() {
            println!("  (the changes above stay made; nothing was undone)");
        }
    }
}

pub fn print_validation(result: &ValidationResult) {
    println!("{}", tr(&text!("cli-source", source = &result.source)));
    if let Some(note) = &result.note {
        println!("\n{}", tr(note));
    }
    for report in &result.reports {
        println!(
            "\n{}",
            tr(&text!(
                "cli-report",
                name = &report.name,
                kind = name_of(report.kind),
                location = if report.location.is_empty() {
                    "/"
                } else {
                    &report.location
                },
                valid = if report.valid { "yes" } else { "no" }
            ))
        );
        if !report.billing_periods.is_empty() {
            println!(
                "  {}",
                tr(&text!(
                    "cli-periods",
                    periods = report.billing_periods.join(", ")
                ))
            );
        }
        for check in &report.checks {
            println!(
                "  {} {:<22} {}",
                check_mark(check.status),
                check.id.as_str(),
                tr(&check.message)
            );
            if let Some(e) = &check.evidence {
                let parts: Vec<String> = [
                    (
                        &e.key,
                        text!("cli-seen-file", v = e.key.clone().unwrap_or_default()),
                    ),
                    (
                        &e.column,
                        text!("cli-seen-column", v = e.column.clone().unwrap_or_default()),
                    ),
                    (
                        &e.value,
                        text!("cli-seen-value", v = e.value.clone().unwrap_or_default()),
                    ),
                ]
                .iter()
                .filter(|(v, _)| v.is_some())
                .map(|(_, t)| tr(t))
                .chain(e.note.as_ref().map(tr))
                .collect();
                if !parts.is_empty() {
                    println!("      {}", tr(&text!("cli-seen", parts = parts.join("; "))));
                }
            }
            if let Some(r) = &check.remedy {
                println!("      {}", tr(&text!("cli-fix", remedy = tr(r))));
            }
        }
    }
    println!();
    match (result.selectable.len(), &result.choose_one) {
        (0, _) => println!("{}", tr(&text!("cli-no-valid"))),
        (_, Some(msg)) => println!("{}", tr(msg)),
        _ => println!(
            "{}",
            tr(&text!("cli-valid", names = result.selectable.join(", ")))
        ),
    }
    let pct = if result.bytes_total > 0 {
        100.0 * result.bytes_read as f64 / result.bytes_total as f64
    } else {
        0.0
    };
    println!(
        "{}",
        tr(&text!(
            "cli-read",
            read = human_bytes(result.bytes_read),
            total = human_bytes(result.bytes_total),
            pct = format!("{pct:.3}"),
            requests = result.requests
        ))
    );
}

fn mark(decision: Decision) -> &'static str {
    match decision {
        Decision::Allowed => "allowed     ",
        Decision::Denied => "DENIED      ",
        Decision::NotVerified => "not verified",
    }
}

/// The pre-flight for people: identity, account, organization, each permission.
pub fn print_preflight(p: &Preflight) {
    println!(
        "Signed in as {} (account {})",
        p.identity.arn, p.identity.account
    );
    if p.identity.principal_arn != p.identity.arn {
        println!("  IAM principal: {}", p.identity.principal_arn);
    }
    if let Some(n) = &p.identity.note {
        println!("  note: {}", tr(n));
    }
    println!(
        "Account entered: {}",
        if p.account_matches {
            "matches"
        } else {
            "DOES NOT MATCH"
        }
    );
    println!("Organization: {}", tr(&p.organization.detail));
    let kind = match p.organization.role {
        OrgRole::Management => "management account",
        OrgRole::Member => "member account",
        OrgRole::Standalone => "standalone account",
        OrgRole::Unknown => "unknown",
    };
    println!("  ({kind})");
    println!("Permissions:");
    for c in &p.permissions {
        println!(
            "  {} {:<35} [{}] {}",
            mark(c.decision),
            c.action,
            name_of(c.source),
            tr(&c.detail)
        );
        for t in &c.tried {
            println!("               earlier: {}", tr(t));
        }
        if let Some(r) = &c.remedy {
            println!("               {}", tr(&text!("cli-fix", remedy = tr(r))));
        }
    }
    if p.ready {
        println!("Ready: yes — you can create the stack.");
    } else {
        println!("Ready: no");
        for b in &p.blockers {
            println!("  - {}", tr(b));
        }
    }
}

/// One line per status change of a stack.
pub fn print_stack_change(s: &StackStatus) {
    println!(
        "{}: {}",
        s.stack_name,
        s.status.as_deref().unwrap_or("not created yet")
    );
}

/// Where a stack ended: the failing resource, the role, what to do next.
pub fn print_stack_end(s: &StackStatus) {
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
