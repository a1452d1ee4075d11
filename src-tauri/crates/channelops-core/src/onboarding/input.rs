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
            format!("{domain:?} is not a domain name"),
            "Enter the company's domain, e.g. example.com (no http:// and no path).",
        ))
    }
}

pub fn validate_email(email: &str) -> Result<String, CoreError> {
    let e = email.trim();
    let ok = e.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local.len() <= 64
            && !local.contains(char::is_whitespace)
            && validate_domain(domain).is_ok()
    });
    if ok {
        Ok(e.to_owned())
    } else {
        Err(CoreError::invalid(
            format!("{email:?} is not an email address"),
            "Enter an address like name@example.com.",
        ))
    }
}

pub(super) fn validate_name(what: &str, name: &str) -> Result<String, CoreError> {
    let n = name.trim();
    if n.is_empty() || n.len() > 200 {
        return Err(CoreError::invalid(
            format!("the {what} is empty or too long"),
            format!("Enter a {what} of 1 to 200 characters."),
        ));
    }
    Ok(n.to_owned())
}

pub(super) fn validate_date(what: &str, d: &str) -> Result<String, CoreError> {
    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| {
            CoreError::invalid(
                format!("the {what} {d:?} is not a date"),
                "Use the form YYYY-MM-DD, e.g. 2026-12-01.",
            )
        })
}
