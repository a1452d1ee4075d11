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

/// Prints a message of the catalog as one line, in the CLI's language.
pub fn say(t: &Text) {
    emit(false, &tr(t));
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
    println!("  {}", tr(&text!("cli-not-checked", problem = &u.problem)));
    println!("      {}", tr(&text!("cli-fix", remedy = tr(&u.remedy))));
}

/// AWS's word on the account's CURs: definitions, exports, the bucket's delivery check.
pub fn print_overview(o: &CurOverview) {
    let asked = match &o.bucket {
        Some(bucket) => text!(
            "cli-overview-bucket",
            account = &o.account,
            at = &o.checked_at,
            bucket = bucket
        ),
        None => text!("cli-overview", account = &o.account, at = &o.checked_at),
    };
    println!("{}", tr(&asked));
    println!("\n{}", tr(&text!("cli-definitions")));
    if let Some(u) = &o.definitions_unanswered {
        print_unanswered(u);
    } else if o.definitions.is_empty() {
        println!("  {}", tr(&text!("cli-no-definitions")));
    }
    for d in &o.definitions {
        // The core's state of a definition, with AWS's last delivery when it has one.
        let state = tr(&match (definition_state(d), d.delivery) {
            (CurState::OtherBucket, _) => text!("cli-def-other-bucket"),
            (CurState::DefinitionWrong, _) => text!("cli-def-wrong"),
            (CurState::DeliveryFailed, _) => text!("cli-def-delivery-failed"),
            (_, Delivery::Delivered) => text!("cli-def-delivered"),
            (_, Delivery::Waiting) => text!("cli-def-waiting"),
            _ => text!("cli-def-right"),
        });
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
    println!("\n{}", tr(&text!("cli-exports")));
    if let Some(u) = &o.exports_unanswered {
        print_unanswered(u);
    } else if o.exports.is_empty() {
        println!("  {}", tr(&text!("cli-none")));
    }
    for e in &o.exports {
        println!("  ✖ {}", tr(&e.message));
        println!("      {}", tr(&text!("cli-fix", remedy = tr(&e.remedy))));
    }
    if let Some(d) = &o.delivery {
        println!(
            "\n{}",
            tr(&text!(
                "cli-bucket-ready",
                bucket = &d.bucket,
                ready = if d.ready { "yes" } else { "no" }
            ))
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
            println!("  {}", tr(&text!("cli-statements-to-add")));
            for line in s.lines() {
                println!("    {line}");
            }
        }
    }
}

/// A plan of changes: its steps, what stands in its way, what AWS will decide,
/// and the bucket policy it would write.
pub fn print_plan(steps: &[Text], refusals: &[Text], warnings: &[Text], policy: Option<&str>) {
    say(&text!("cli-plan"));
    for (i, s) in steps.iter().enumerate() {
        println!("  {}. {}", i + 1, tr(s));
    }
    if let Some(p) = policy {
        println!("  {}", tr(&text!("cli-policy-after")));
        for line in p.lines() {
            println!("    {line}");
        }
    }
    for w in warnings {
        println!("  ! {}", tr(w));
    }
    for r in refusals {
        println!("  ✖ {}", tr(&text!("cli-cannot-run", why = r)));
    }
}

pub fn print_stack_plan(p: &StackPlan) {
    print_plan(&p.steps, &p.refusals, &[], None);
    println!("  {}", tr(&text!("cli-parameters")));
    for param in &p.parameters {
        println!("    {} = {}", param.key, param.value);
    }
    if let Some(why) = &p.capabilities_reason {
        println!(
            "  {}",
            tr(&text!(
                "cli-capabilities",
                capabilities = p.capabilities.join(", "),
                why = why.as_str()
            ))
        );
    }
}

/// The changes made (with AWS's request IDs) and the step that failed.
pub fn print_applied(a: &Applied) {
    for c in &a.changes {
        println!(
            "✔ {}",
            tr(&text!(
                "cli-applied",
                action = &c.action,
                target = &c.target,
                request = c.request_id.as_deref().unwrap_or("-")
            ))
        );
    }
    if let Some(f) = &a.failure {
        println!("✖ {}: {}", f.action, tr(&f.message));
        println!("  {}", tr(&text!("cli-fix", remedy = tr(&f.remedy))));
        if !a.changes.is_empty() {
            println!("  {}", tr(&text!("cli-nothing-undone")));
        }
    }
}

pub fn print_validation(result: &ValidationResult) {
    say(&text!("cli-source", source = &result.source));
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
    say(&text!(
        "cli-read",
        read = human_bytes(result.bytes_read),
        total = human_bytes(result.bytes_total),
        pct = format!("{pct:.3}"),
        requests = result.requests
    ));
}

fn mark(decision: Decision) -> String {
    let word = tr(&text!("cli-decision", decision = name_of(decision)));
    format!("{word:<12}")
}

/// The pre-flight for people: identity, account, organization, each permission.
pub fn print_preflight(p: &Preflight) {
    say(&text!(
        "cli-signed-in-as",
        arn = &p.identity.arn,
        account = &p.identity.account
    ));
    if p.identity.principal_arn != p.identity.arn {
        println!(
            "  {}",
            tr(&text!("cli-principal", arn = &p.identity.principal_arn))
        );
    }
    if let Some(n) = &p.identity.note {
        println!("  {}", tr(&text!("cli-note", note = n)));
    }
    say(&text!(
        "cli-account-entered",
        matches = if p.account_matches { "yes" } else { "no" }
    ));
    say(&text!("cli-organization", detail = &p.organization.detail));
    let kind = match p.organization.role {
        OrgRole::Management => "management",
        OrgRole::Member => "member",
        OrgRole::Standalone => "standalone",
        OrgRole::Unknown => "unknown",
    };
    println!("  {}", tr(&text!("cli-org-role", role = kind)));
    say(&text!("cli-permissions"));
    for c in &p.permissions {
        println!(
            "  {} {:<35} [{}] {}",
            mark(c.decision),
            c.action,
            name_of(c.source),
            tr(&c.detail)
        );
        for t in &c.tried {
            println!("               {}", tr(&text!("cli-earlier", what = t)));
        }
        if let Some(r) = &c.remedy {
            println!("               {}", tr(&text!("cli-fix", remedy = tr(r))));
        }
    }
    if p.ready {
        say(&text!("cli-ready-yes"));
    } else {
        say(&text!("cli-ready-no"));
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
        s.status
            .clone()
            .unwrap_or_else(|| tr(&text!("cli-stack-not-created")))
    );
}

/// Where a stack ended: the failing resource, the role, what to do next.
pub fn print_stack_end(s: &StackStatus) {
    if let Some(r) = &s.reason {
        println!("  {}", tr(&text!("cli-stack-reason", reason = r)));
    }
    if let Some(f) = &s.failed_resource {
        println!(
            "  {}",
            tr(&text!(
                "cli-stack-failed",
                id = &f.logical_id,
                kind = &f.resource_type,
                reason = &f.reason
            ))
        );
    }
    if let Some(arn) = &s.role_arn {
        let verified = match s.role_verified {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        };
        println!(
            "  {}",
            tr(&text!("cli-stack-role", arn = arn, verified = verified))
        );
    }
    println!("  {}", tr(&text!("cli-stack-next", next = &s.next_step)));
}
