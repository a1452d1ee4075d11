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

fn login_fix(aws: &Aws) -> String {
    match (aws.profile(), aws.is_sso()) {
        (Some(p), true) => format!("Run `aws sso login --profile {p}`, then try again."),
        (Some(p), false) => format!(
            "Refresh the credentials of profile {p} (for example `aws configure --profile {p}`, or re-run the tool that writes them), then try again."
        ),
        (None, _) => "Refresh your AWS credentials (`aws sso login`, `aws configure`, or new AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN), or pick a profile, then try again.".to_owned(),
    }
}

pub(crate) fn no_credentials(aws: &Aws, why: &str) -> CoreError {
    let whose = aws.profile().map_or_else(
        || "the default chain".to_owned(),
        |p| format!("profile {p}"),
    );
    CoreError::aws(
        AwsErrorKind::Credentials,
        format!("no AWS credentials were found for {whose} ({why})"),
        match (aws.profile(), aws.is_sso()) {
            (Some(p), true) => format!("Run `aws sso login --profile {p}`, then try again."),
            (Some(p), false) => format!(
                "Add credentials to profile {p} with `aws configure --profile {p}` (or `aws configure sso --profile {p}`), or pick another profile."
            ),
            (None, _) => "Pick a profile (`channelops aws profiles` lists them), run `aws configure` or `aws configure sso`, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.".to_owned(),
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
            format!("AWS credentials could not be loaded in time: {detail}"),
            "Check your network connection (and proxy settings), then try again.",
        ),
        CredentialsError::InvalidConfiguration(_) => CoreError::aws(
            AwsErrorKind::Credentials,
            format!("your AWS configuration is invalid: {}", shorten(&detail)),
            "Fix the profile in ~/.aws/config (see `aws configure list --profile NAME`), then try again.",
        ),
        _ if sso_expired || lower.contains("expired") => CoreError::aws(
            AwsErrorKind::Credentials,
            if sso_expired {
                format!(
                    "your AWS SSO session has expired (or you have not signed in yet): {}",
                    shorten(&detail)
                )
            } else {
                format!("your AWS credentials have expired: {}", shorten(&detail))
            },
            login_fix(aws),
        ),
        _ => CoreError::aws(
            AwsErrorKind::Credentials,
            format!("AWS credentials could not be loaded: {}", shorten(&detail)),
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
                format!("{action} timed out"),
                reach_fix(aws),
            );
        }
        SdkError::DispatchFailure(d) => {
            let lower = detail.to_ascii_lowercase();
            if lower.contains("credential") || lower.contains("identity") {
                return CoreError::aws(
                    AwsErrorKind::Credentials,
                    format!("{action} could not be signed: {}", shorten(&detail)),
                    login_fix(aws),
                );
            }
            if d.is_io() || d.is_timeout() || d.is_other() {
                return CoreError::aws(
                    AwsErrorKind::Unreachable,
                    format!(
                        "AWS could not be reached for {action}: {}",
                        shorten(&detail)
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
                    format!("your AWS credentials have expired ({c}: {service_message})")
                } else {
                    format!("AWS did not accept your credentials ({c}: {service_message})")
                },
                login_fix(aws),
            );
        }
        if is_denied_code(Some(c)) {
            return CoreError::aws(
                AwsErrorKind::AccessDenied,
                format!("{action} was denied ({c}: {service_message})"),
                format!(
                    "Ask your AWS administrator to allow {action} for your user or role (or use a profile that has it), then try again."
                ),
            );
        }
        if c.starts_with("Throttl") || c == "SlowDown" || c == "TooManyRequestsException" {
            return CoreError::aws(
                AwsErrorKind::Unreachable,
                format!("AWS is throttling {action} ({c}) even after retries"),
                "Wait a minute and try again.",
            );
        }
        return CoreError::aws(
            AwsErrorKind::Service,
            format!("{action} failed ({c}: {service_message})"),
            "Check the values you entered; if they are right, try again later.",
        );
    }
    if is_denied(err) {
        return CoreError::aws(
            AwsErrorKind::AccessDenied,
            format!("{action} was denied (HTTP 403)"),
            format!(
                "Ask your AWS administrator to allow {action} for your user or role (or use a profile that has it), then try again."
            ),
        );
    }
    let what = match err.raw_response().map(|r| r.status().as_u16()) {
        Some(status) => {
            format!("{action} failed: the service answered HTTP {status} without an error code")
        }
        None => format!("{action} failed: {}", shorten(&detail)),
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

fn reach_fix(aws: &Aws) -> String {
    match aws.endpoint_url() {
        Some(url) => {
            format!("Check that the endpoint {url} is running and reachable, then try again.")
        }
        None => "Check your network connection (and proxy settings), then try again.".to_owned(),
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
