//! Turning AWS failures into messages a user can act on.
//!
//! Every AWS error becomes a [`CoreError::Aws`] with a kind (the stable error code),
//! a message naming the call that failed, and the exact fix: `aws sso login
//! --profile NAME` for an expired SSO session, the missing action for an
//! AccessDenied, and so on. Messages never contain credentials: the SDK's error
//! texts name access key IDs at most, never secrets or session tokens.

use crate::text;
use crate::text::Text;
use aws_credential_types::provider::error::CredentialsError;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use serde::{Deserialize, Serialize};

use super::Aws;
use crate::error::CoreError;

pub use crate::error::AwsErrorKind;

/// Error codes that mean "your credentials are not (or no longer) good".
const CREDENTIAL_CODES: &[&str] = &[
    "ExpiredToken",
    "ExpiredTokenException",
    "RequestExpired",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "InvalidToken",
    "TokenRefreshRequired",
];

/// Error codes of a refused action.
pub(crate) const DENIED_CODES: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "AuthorizationError",
    "AllAccessDisabled",
];

pub(crate) fn is_denied_code(code: Option<&str>) -> bool {
    code.is_some_and(|c| DENIED_CODES.contains(&c))
}

/// An AccessDenied answer: by its code, or an HTTP 403 whose error body could not
/// be read (some endpoints wrap errors differently from AWS).
pub(crate) fn is_denied<E: ProvideErrorMetadata>(
    err: &aws_sdk_sts::error::SdkError<E, HttpResponse>,
) -> bool {
    is_denied_code(err.code())
        || (err.code().is_none()
            && err
                .raw_response()
                .is_some_and(|r| r.status().as_u16() == 403))
}

fn login_fix(aws: &Aws) -> Text {
    match (aws.profile(), aws.is_sso()) {
        (Some(p), true) => text!("aws-fix-sso-login", profile = p),
        (Some(p), false) => text!("aws-fix-refresh-profile", profile = p),
        (None, _) => text!("aws-fix-refresh"),
    }
}

pub(crate) fn no_credentials(aws: &Aws, why: &str) -> CoreError {
    CoreError::aws(
        AwsErrorKind::Credentials,
        match aws.profile() {
            Some(p) => text!("aws-err-no-credentials-profile", profile = p, why = why),
            None => text!("aws-err-no-credentials", why = why),
        },
        match (aws.profile(), aws.is_sso()) {
            (Some(p), true) => text!("aws-fix-sso-login", profile = p),
            (Some(p), false) => text!("aws-fix-add-credentials", profile = p),
            (None, _) => text!("aws-fix-pick-profile"),
        },
    )
}

/// A failure of the credential chain itself.
pub(crate) fn credentials_error(aws: &Aws, err: &CredentialsError) -> CoreError {
    let detail = causes(err);
    let lower = detail.to_ascii_lowercase();
    let sso_expired =
        lower.contains("sso") && (lower.contains("expired") || lower.contains("token"));
    match err {
        CredentialsError::CredentialsNotLoaded(_) if !sso_expired => no_credentials(aws, &detail),
        CredentialsError::ProviderTimedOut(_) => CoreError::aws(
            AwsErrorKind::Unreachable,
            text!("aws-err-credentials-slow", detail = detail),
            text!("aws-fix-network"),
        ),
        CredentialsError::InvalidConfiguration(_) => CoreError::aws(
            AwsErrorKind::Credentials,
            text!("aws-err-config-invalid", detail = shorten(&detail)),
            text!("aws-fix-config"),
        ),
        _ if sso_expired || lower.contains("expired") => CoreError::aws(
            AwsErrorKind::Credentials,
            if sso_expired {
                text!("aws-err-sso-expired", detail = shorten(&detail))
            } else {
                text!("aws-err-credentials-expired", detail = shorten(&detail))
            },
            login_fix(aws),
        ),
        _ => CoreError::aws(
            AwsErrorKind::Credentials,
            text!("aws-err-credentials-not-loaded", detail = shorten(&detail)),
            login_fix(aws),
        ),
    }
}

/// An error of an AWS call, `action` being its IAM name (e.g. `s3:GetObject`).
pub(crate) fn sdk_error<E>(
    aws: &Aws,
    action: &str,
    err: &aws_sdk_sts::error::SdkError<E, HttpResponse>,
) -> CoreError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    use aws_sdk_sts::error::SdkError;
    let detail = causes(err);
    let code = err.code();
    let service_message = err.message().unwrap_or_default();
    match err {
        SdkError::TimeoutError(_) => {
            return CoreError::aws(
                AwsErrorKind::Unreachable,
                text!("aws-err-timed-out", action = action),
                reach_fix(aws),
            );
        }
        SdkError::DispatchFailure(d) => {
            let lower = detail.to_ascii_lowercase();
            if lower.contains("credential") || lower.contains("identity") {
                return CoreError::aws(
                    AwsErrorKind::Credentials,
                    text!(
                        "aws-err-not-signed",
                        action = action,
                        detail = shorten(&detail)
                    ),
                    login_fix(aws),
                );
            }
            if d.is_io() || d.is_timeout() || d.is_other() {
                return CoreError::aws(
                    AwsErrorKind::Unreachable,
                    text!(
                        "aws-err-unreachable",
                        action = action,
                        detail = shorten(&detail)
                    ),
                    reach_fix(aws),
                );
            }
        }
        _ => {}
    }
    if let Some(c) = code {
        if CREDENTIAL_CODES.contains(&c) {
            let expired = c.contains("Expired") || c == "RequestExpired";
            return CoreError::aws(
                AwsErrorKind::Credentials,
                if expired {
                    text!(
                        "aws-err-credentials-expired-code",
                        code = c,
                        detail = service_message
                    )
                } else {
                    text!(
                        "aws-err-credentials-refused",
                        code = c,
                        detail = service_message
                    )
                },
                login_fix(aws),
            );
        }
        if is_denied_code(Some(c)) {
            return CoreError::aws(
                AwsErrorKind::AccessDenied,
                text!(
                    "aws-err-denied",
                    action = action,
                    code = c,
                    detail = service_message
                ),
                text!("aws-fix-allow", action = action),
            );
        }
        if c.starts_with("Throttl") || c == "SlowDown" || c == "TooManyRequestsException" {
            return CoreError::aws(
                AwsErrorKind::Unreachable,
                text!("aws-err-throttled", action = action, code = c),
                text!("aws-fix-wait"),
            );
        }
        return CoreError::aws(
            AwsErrorKind::Service,
            text!(
                "aws-err-failed",
                action = action,
                code = c,
                detail = service_message
            ),
            text!("aws-fix-check-values"),
        );
    }
    if is_denied(err) {
        return CoreError::aws(
            AwsErrorKind::AccessDenied,
            text!("aws-err-denied-403", action = action),
            text!("aws-fix-allow", action = action),
        );
    }
    let what = match err.raw_response().map(|r| r.status().as_u16()) {
        Some(status) => text!("aws-err-http-status", action = action, status = status),
        None => text!("aws-err-other", action = action, detail = shorten(&detail)),
    };
    CoreError::aws(AwsErrorKind::Service, what, reach_fix(aws))
}

/// A question AWS did not answer, and why: the call was denied, or the endpoint
/// does not offer the API (an emulator). The work that needed it carries on
/// without it and says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unanswered {
    /// The IAM action that was asked (`cur:DescribeReportDefinitions`).
    pub action: String,
    /// True when the call was denied (the remedy names the permission).
    pub denied: bool,
    pub problem: Text,
    pub remedy: Text,
}

/// An error of an optional call: credentials and network failures stay errors
/// (nothing else would work either); a denial or an answer that is not the API's
/// becomes [`Unanswered`].
pub(crate) fn unanswered<E>(
    aws: &Aws,
    action: &str,
    err: &aws_sdk_sts::error::SdkError<E, HttpResponse>,
) -> Result<Unanswered, CoreError>
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let e = sdk_error(aws, action, err);
    let CoreError::Aws { kind, message, .. } = &e else {
        return Err(e);
    };
    match kind {
        AwsErrorKind::Credentials | AwsErrorKind::Unreachable => Err(e),
        AwsErrorKind::AccessDenied => Ok(Unanswered {
            action: action.to_owned(),
            denied: true,
            problem: text!("unanswered-denied", message = message),
            remedy: text!("unanswered-denied-remedy", action = action),
        }),
        AwsErrorKind::NotFound | AwsErrorKind::Service => Ok(match aws.endpoint_url() {
            Some(url) => Unanswered {
                action: action.to_owned(),
                denied: false,
                problem: text!(
                    "unanswered-endpoint",
                    url = url,
                    action = action,
                    message = message
                ),
                remedy: text!("unanswered-endpoint-remedy"),
            },
            None => Unanswered {
                action: action.to_owned(),
                denied: false,
                problem: text!("unanswered-other", message = message),
                remedy: text!("unanswered-other-remedy"),
            },
        }),
    }
}

/// An error and its causes as one line ("a: b: c"), each message once: the SDK
/// wraps the same message several times, and its `Debug` forms are not for people.
pub(crate) fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(err);
    while let Some(e) = next {
        let message = e.to_string();
        if !message.is_empty() && !parts.iter().any(|p| p.contains(&message)) {
            parts.push(message);
        }
        next = e.source();
    }
    parts.join(": ")
}

/// Error chains of the SDK can carry whole responses: keep messages readable.
fn shorten(text: &str) -> String {
    const MAX: usize = 300;
    if text.len() <= MAX {
        return text.to_owned();
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn reach_fix(aws: &Aws) -> Text {
    match aws.endpoint_url() {
        Some(url) => text!("aws-fix-endpoint", url = url),
        None => text!("aws-fix-network"),
    }
}

#[cfg(test)]
mod tests {
    use super::causes;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl std::fmt::Display for Layer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|l| l as _)
        }
    }

    #[test]
    fn causes_reads_as_one_line_without_repeats_or_debug_forms() {
        let err = Layer(
            "an error occurred while loading credentials",
            Some(Box::new(Layer(
                "an error occurred while loading credentials",
                Some(Box::new(Layer(
                    "",
                    Some(Box::new(Layer(
                        "the SSO token has expired and cannot be refreshed",
                        None,
                    ))),
                ))),
            ))),
        );
        assert_eq!(
            causes(&err),
            "an error occurred while loading credentials: the SSO token has expired and cannot be refreshed"
        );
    }
}
