//! Checks of what people type: names, domains, emails, dates.

#[allow(unused_imports)]
use super::*;

pub fn validate_domain(domain: &str) -> Result<String, CoreError> {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let ok = labels.len() >= 2
        && d.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if ok {
        Ok(d)
    } else {
        Err(CoreError::invalid(
            text!("input-err-domain", domain = domain),
            text!("input-fix-domain"),
        ))
    }
}

pub fn validate_email(email: &str) -> Result<String, CoreError> {
    let e = email.trim();
    // The local part as mail systems accept it unquoted (RFC 5322 dot-atom):
    // no spaces, control characters, quotes or brackets (they would break the
    // welcome message's headers or the mailto: link).
    let ok = e.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local.len() <= 64
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b))
            && validate_domain(domain).is_ok()
    });
    if ok {
        Ok(e.to_owned())
    } else {
        Err(CoreError::invalid(
            text!("input-err-email", email = email),
            text!("input-fix-email"),
        ))
    }
}

/// Characters no name may hold: control characters (line breaks would forge
/// headers in the welcome message; escapes would drive a terminal) and the
/// Unicode bidi controls (text that reads other than it is).
pub fn is_forbidden_in_names(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

pub fn validate_name(what: Text, name: &str) -> Result<String, CoreError> {
    let n = name.trim();
    if n.is_empty() || n.len() > 200 {
        return Err(CoreError::invalid(
            text!("input-err-name-length", what = &what),
            text!("input-fix-name-length", what = what, max = 200_u32),
        ));
    }
    if n.chars().any(is_forbidden_in_names) {
        return Err(CoreError::invalid(
            text!("input-err-name-control", what = &what),
            text!("input-fix-name-control", what = what),
        ));
    }
    Ok(n.to_owned())
}

/// Checks an organization's name and domain as a hand-over file states them.
pub fn check_org_summary(name: &str, domain: &str) -> Result<(), CoreError> {
    validate_name(text!("field-org-name"), name)?;
    validate_domain(domain)?;
    Ok(())
}

pub(super) fn validate_date(what: Text, d: &str) -> Result<String, CoreError> {
    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| {
            CoreError::invalid(
                text!("input-err-date", what = what, date = d),
                text!("input-fix-date"),
            )
        })
}
