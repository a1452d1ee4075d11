//! Local evaluation of IAM identity policies — the pre-flight's fallback when
//! `iam:SimulatePrincipalPolicy` is not available.
//!
//! It follows IAM's evaluation logic for what an identity policy can say: an
//! explicit Deny wins, then an Allow, else the action is implicitly denied.
//! Statements match on `Action`/`NotAction` and `Resource`/`NotResource` with `*`
//! and `?` wildcards (actions case-insensitively). A statement with a `Condition`
//! cannot be decided here, so a conditional Allow proves nothing and a
//! conditional Deny makes the answer "not verified". What it cannot see —
//! service control policies, permission boundaries, session policies — is said
//! in every result's detail.
//!
//! Resource policies (a bucket policy) are evaluated with [`evaluate_request`]: the
//! request then names its principal (an AWS service such as
//! `billingreports.amazonaws.com`) and the values of its condition keys, so
//! `Principal`/`NotPrincipal` and the string and ARN condition operators on those
//! keys are decided; any other operator or key still makes a statement undecided.

use serde_json::Value;

use crate::text;
use crate::text::Text;

/// What the identity policies say about one action on one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// An unconditional Allow matches and no Deny can apply.
    Allowed { policy: String },
    /// An unconditional Deny matches.
    ExplicitDeny { policy: String },
    /// No statement allows it.
    ImplicitDeny,
    /// Only conditional statements decide it.
    Undecided { reason: Text },
}

/// One parsed policy document with the name it is shown under.
#[derive(Debug, Clone)]
pub struct Policy {
    pub name: String,
    statements: Vec<Statement>,
}

#[derive(Debug, Clone)]
struct Statement {
    allow: bool,
    actions: Patterns,
    resources: Patterns,
    /// `Principal` / `NotPrincipal` (resource policies); `None` in identity policies.
    principals: Option<Patterns>,
    conditions: Vec<Condition>,
}

/// One `operator: {key: values}` pair of a statement's `Condition` block.
#[derive(Debug, Clone)]
struct Condition {
    operator: String,
    key: String,
    values: Vec<String>,
}

/// What a request says of itself, for resource policies.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    pub action: &'a str,
    pub resource: &'a str,
    /// The calling AWS service principal (`billingreports.amazonaws.com`), if any.
    pub service: Option<&'a str>,
    /// The condition keys the request carries (`aws:SourceAccount`, …) and their values.
    pub context: &'a [(&'a str, &'a str)],
}

impl Condition {
    /// `Some(true|false)` when decided from the request's context; `None` when the
    /// operator or key is not one this evaluator knows.
    fn decide(&self, context: &[(&str, &str)]) -> Option<bool> {
        let value = context
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&self.key))
            .map(|(_, v)| *v);
        let (negated, like) = match self.operator.as_str() {
            "StringEquals" | "ArnEquals" => (false, false),
            "StringLike" | "ArnLike" => (false, true),
            "StringNotEquals" | "ArnNotEquals" => (true, false),
            "StringNotLike" | "ArnNotLike" => (true, true),
            _ => return None,
        };
        // A key the request does not carry: IAM's rule for absent keys, but only for
        // keys this evaluator is told about (any other key cannot be decided).
        let value = value?;
        let hit = self.values.iter().any(|p| {
            if like {
                wildcard(p, value, false)
            } else {
                p == value
            }
        });
        Some(hit != negated)
    }
}

fn conditions(stmt: &Value) -> Vec<Condition> {
    let mut out = Vec::new();
    let Some(block) = stmt.get("Condition").and_then(Value::as_object) else {
        return out;
    };
    for (operator, keys) in block {
        match keys.as_object() {
            Some(keys) => {
                for (key, values) in keys {
                    out.push(Condition {
                        operator: operator.clone(),
                        key: key.clone(),
                        values: strings(values),
                    });
                }
            }
            // Malformed: kept as a condition nobody can decide.
            None => out.push(Condition {
                operator: operator.clone(),
                key: String::new(),
                values: Vec::new(),
            }),
        }
    }
    out
}

/// `Principal` values: `"*"`, `{"AWS": …}`, `{"Service": …}`, `{"Federated": …}`.
fn principal_values(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(o) => o.values().flat_map(strings).collect(),
        _ => Vec::new(),
    }
}

#[derive(Debug, Clone)]
enum Patterns {
    /// `Action` / `Resource`: matches when one pattern matches.
    Any(Vec<String>),
    /// `NotAction` / `NotResource`: matches when no pattern matches.
    None(Vec<String>),
}

impl Patterns {
    fn matches(&self, value: &str, case_insensitive: bool) -> bool {
        let hit = |ps: &[String]| ps.iter().any(|p| wildcard(p, value, case_insensitive));
        match self {
            Patterns::Any(ps) => hit(ps),
            Patterns::None(ps) => !hit(ps),
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn patterns(stmt: &Value, yes: &str, no: &str) -> Option<Patterns> {
    if let Some(v) = stmt.get(yes) {
        Some(Patterns::Any(strings(v)))
    } else {
        stmt.get(no).map(|v| Patterns::None(strings(v)))
    }
}

/// Policy documents from IAM's Get* calls are URL-encoded JSON (RFC 3986); some
/// emulators return them plain. Both are accepted.
pub fn decode_document(raw: &str) -> String {
    let trimmed = raw.trim_start();
    if trimmed.starts_with('{') {
        raw.to_owned()
    } else {
        percent_encoding::percent_decode_str(raw)
            .decode_utf8_lossy()
            .into_owned()
    }
}

impl Policy {
    /// Parses a policy document (plain or URL-encoded JSON).
    pub fn parse(name: impl Into<String>, document: &str) -> Result<Policy, Text> {
        let doc: Value = serde_json::from_str(&decode_document(document))
            .map_err(|e| text!("policy-err-json", detail = e.to_string()))?;
        let list = match doc.get("Statement") {
            Some(Value::Array(a)) => a.clone(),
            Some(obj @ Value::Object(_)) => vec![obj.clone()],
            _ => return Err(text!("policy-err-no-statement")),
        };
        let mut statements = Vec::new();
        for s in &list {
            let allow = match s.get("Effect").and_then(Value::as_str) {
                Some("Allow") => true,
                Some("Deny") => false,
                other => {
                    return Err(text!(
                        "policy-err-effect",
                        effect = other.unwrap_or_default()
                    ));
                }
            };
            let (Some(actions), Some(resources)) = (
                patterns(s, "Action", "NotAction"),
                patterns(s, "Resource", "NotResource"),
            ) else {
                // An identity-policy statement needs both; IAM would reject it.
                continue;
            };
            let principals = if let Some(p) = s.get("Principal") {
                Some(Patterns::Any(principal_values(p)))
            } else {
                s.get("NotPrincipal")
                    .map(|p| Patterns::None(principal_values(p)))
            };
            statements.push(Statement {
                allow,
                actions,
                resources,
                principals,
                conditions: conditions(s),
            });
        }
        Ok(Policy {
            name: name.into(),
            statements,
        })
    }
}

/// Evaluates `action` on `resource` against all of a principal's identity policies.
pub fn evaluate(policies: &[Policy], action: &str, resource: &str) -> Verdict {
    evaluate_request(
        policies,
        &Request {
            action,
            resource,
            ..Default::default()
        },
    )
}

/// Evaluates a request against policies: identity policies (no principal in the
/// request: `Principal` is not consulted) or a resource policy (the request names
/// its service principal, which a statement's `Principal` must then match).
pub fn evaluate_request(policies: &[Policy], req: &Request<'_>) -> Verdict {
    let mut allowed_by = None;
    let mut conditional_allow = None;
    let mut conditional_deny = None;
    for p in policies {
        for s in &p.statements {
            if !(s.actions.matches(req.action, true) && s.resources.matches(req.resource, false)) {
                continue;
            }
            if let (Some(service), Some(principals)) = (req.service, &s.principals)
                && !principals.matches(service, true)
            {
                continue;
            }
            // All conditions must hold: one false makes the statement not apply; one
            // that cannot be decided leaves it conditional.
            let mut conditional = false;
            let mut applies = true;
            for c in &s.conditions {
                match c.decide(req.context) {
                    Some(true) => {}
                    Some(false) => applies = false,
                    None => conditional = true,
                }
            }
            if !applies {
                continue;
            }
            match (s.allow, conditional) {
                (false, false) => {
                    return Verdict::ExplicitDeny {
                        policy: p.name.clone(),
                    };
                }
                (false, true) => conditional_deny = conditional_deny.or(Some(p.name.clone())),
                (true, false) => allowed_by = allowed_by.or(Some(p.name.clone())),
                (true, true) => conditional_allow = conditional_allow.or(Some(p.name.clone())),
            }
        }
    }
    match (allowed_by, conditional_deny, conditional_allow) {
        (_, Some(deny), _) => Verdict::Undecided {
            reason: text!("policy-undecided-deny", policy = deny),
        },
        (Some(policy), None, _) => Verdict::Allowed { policy },
        (None, None, Some(allow)) => Verdict::Undecided {
            reason: text!("policy-undecided-allow", policy = allow),
        },
        (None, None, None) => Verdict::ImplicitDeny,
    }
}

/// IAM wildcard matching: `*` is any run of characters, `?` any one character.
pub fn wildcard(pattern: &str, value: &str, case_insensitive: bool) -> bool {
    let norm = |s: &str| -> Vec<char> {
        if case_insensitive {
            s.chars().flat_map(char::to_lowercase).collect()
        } else {
            s.chars().collect()
        }
    };
    let (p, v) = (norm(pattern), norm(value));
    // Iterative matching with backtracking to the last `*` (linear in practice).
    let (mut pi, mut vi) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while vi < v.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == v[vi]) {
            pi += 1;
            vi += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = vi;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            vi = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(doc: &str) -> Policy {
        Policy::parse("test", doc).unwrap()
    }

    #[test]
    fn wildcards_follow_iam_rules() {
        assert!(wildcard("iam:*", "iam:CreateRole", true));
        assert!(wildcard("IAM:create*", "iam:CreateRole", true));
        assert!(!wildcard("iam:Get*", "iam:CreateRole", true));
        assert!(wildcard("iam:?etRole", "iam:GetRole", true));
        assert!(wildcard("*", "anything", false));
        assert!(wildcard(
            "arn:aws:iam::*:role/*",
            "arn:aws:iam::1:role/x",
            false
        ));
        assert!(!wildcard(
            "arn:aws:iam::*:role/X*",
            "arn:aws:iam::1:role/x",
            false
        ));
        assert!(wildcard("a*b*c", "aXXbYYc", false));
        assert!(!wildcard("a*b*c", "aXXbYY", false));
    }

    #[test]
    fn administrator_access_allows_every_action() {
        let admin = policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        );
        for a in [
            "iam:CreateRole",
            "sns:Publish",
            "cloudformation:CreateStack",
        ] {
            assert!(
                matches!(
                    evaluate(std::slice::from_ref(&admin), a, "*"),
                    Verdict::Allowed { .. }
                ),
                "{a}"
            );
        }
    }

    #[test]
    fn explicit_deny_wins_over_allow_and_notaction_excludes() {
        let allow = policy(
            r#"{"Statement":[{"Effect":"Allow","Action":["iam:*","sns:*"],"Resource":"*"}]}"#,
        );
        let deny =
            policy(r#"{"Statement":{"Effect":"Deny","Action":"iam:CreatePolicy","Resource":"*"}}"#);
        let both = [allow.clone(), deny];
        assert!(matches!(
            evaluate(&both, "iam:CreatePolicy", "*"),
            Verdict::ExplicitDeny { .. }
        ));
        assert!(matches!(
            evaluate(&both, "iam:CreateRole", "*"),
            Verdict::Allowed { .. }
        ));
        assert_eq!(
            evaluate(&both, "cloudformation:CreateStack", "*"),
            Verdict::ImplicitDeny
        );

        let power_user = policy(
            r#"{"Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]}"#,
        );
        assert_eq!(
            evaluate(std::slice::from_ref(&power_user), "iam:GetRole", "*"),
            Verdict::ImplicitDeny
        );
        assert!(matches!(
            evaluate(&[power_user], "sns:Publish", "*"),
            Verdict::Allowed { .. }
        ));
    }

    #[test]
    fn resources_and_conditions_are_respected() {
        let scoped = policy(
            r#"{"Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:111:vendor"}]}"#,
        );
        assert!(matches!(
            evaluate(
                std::slice::from_ref(&scoped),
                "sns:Publish",
                "arn:aws:sns:us-east-1:111:vendor"
            ),
            Verdict::Allowed { .. }
        ));
        assert_eq!(
            evaluate(&[scoped], "sns:Publish", "arn:aws:sns:us-east-1:111:other"),
            Verdict::ImplicitDeny
        );

        let not_resource = policy(
            r#"{"Statement":[{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::ok/*"}]}"#,
        );
        assert!(matches!(
            evaluate(
                std::slice::from_ref(&not_resource),
                "s3:GetObject",
                "arn:aws:s3:::bad/x"
            ),
            Verdict::ExplicitDeny { .. }
        ));
        assert_eq!(
            evaluate(&[not_resource], "s3:GetObject", "arn:aws:s3:::ok/x"),
            Verdict::ImplicitDeny
        );

        let conditional = policy(
            r#"{"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#,
        );
        assert!(matches!(
            evaluate(&[conditional], "iam:GetRole", "*"),
            Verdict::Undecided { .. }
        ));
    }

    #[test]
    fn url_encoded_documents_are_decoded() {
        let encoded = "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22iam%3AGetRole%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
        let p = Policy::parse("enc", encoded).unwrap();
        assert!(matches!(
            evaluate(&[p], "iam:GetRole", "*"),
            Verdict::Allowed { .. }
        ));
        assert!(Policy::parse("bad", "not json").is_err());
    }
}
