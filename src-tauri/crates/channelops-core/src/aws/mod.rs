//! AWS, with the user's own credentials.
//!
//! Credentials come from the standard chain of the AWS SDK (`aws-config`):
//! environment, the shared config/credentials files, a named profile the user
//! picks, SSO. They are resolved in memory for the calls of one session and are
//! never stored, logged or exported by this crate: nothing here prints or
//! serialises a credential, and the SDK's own `Debug` output redacts secrets.
//!
//! `AWS_ENDPOINT_URL` (or the `endpoint_url` of a profile, or [`AwsOptions::endpoint_url`])
//! sends every call to another endpoint — a local emulator in tests. S3 then
//! uses path-style addressing, which emulators on `127.0.0.1` need.

pub mod bucket;
pub mod change;
pub mod create_cur;
pub mod create_stack;
pub mod cur_definitions;
pub mod cur_overview;
pub mod data_exports;
pub mod delivery;
pub mod errors;
pub mod identity;
pub mod insights;
pub mod policy;
pub mod preflight;
pub mod s3_source;
pub mod stack;

use std::borrow::Cow;
use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::provider::ProvideCredentials;
use serde::Serialize;

use crate::error::CoreError;
use crate::text;
pub use errors::AwsErrorKind;

/// The region of everything the onboarding touches: the CUR bucket, the stack,
/// Trusted Advisor and Cost Optimization Hub.
pub const HOME_REGION: &str = "us-east-1";

/// Retries of calls whose answer is optional: one, for a transient error.
static OPTIONAL_RETRY: std::sync::LazyLock<RetryConfig> =
    std::sync::LazyLock::new(|| RetryConfig::standard().with_max_attempts(2));

/// How to reach AWS: which profile, which endpoint.
#[derive(Debug, Clone, Default)]
pub struct AwsOptions {
    /// A named profile of `~/.aws/config` / `~/.aws/credentials`; `None` = the default chain.
    pub profile: Option<String>,
    /// Another endpoint for every service (a local emulator); `None` = AWS, or `AWS_ENDPOINT_URL`.
    pub endpoint_url: Option<String>,
    /// The region for regional calls; `None` = the profile's region, else us-east-1.
    pub region: Option<String>,
}

impl AwsOptions {
    /// The options of a workspace: the profile picked (empty = none), an endpoint
    /// given explicitly, else the workspace's `aws_endpoint_url` setting (which
    /// yields to `AWS_ENDPOINT_URL`).
    pub fn for_workspace(
        profile: Option<String>,
        endpoint_url: Option<String>,
        store: Option<&crate::store::Store>,
    ) -> Result<AwsOptions, CoreError> {
        let endpoint_url = match (endpoint_url, store) {
            (Some(url), _) => Some(url),
            (None, Some(store)) => crate::settings::aws_endpoint(store)?,
            (None, None) => None,
        };
        Ok(AwsOptions {
            profile: profile.filter(|p| !p.trim().is_empty()),
            endpoint_url,
            region: None,
        })
    }
}

/// One profile of the shared files, as shown in the profile picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileInfo {
    pub name: String,
    pub region: Option<String>,
    /// Signs in through IAM Identity Center (`aws sso login --profile NAME`).
    pub sso: bool,
    /// Assumes a role (`role_arn`).
    pub assumes_role: bool,
    /// Has its own endpoint (`endpoint_url`), e.g. a local emulator.
    pub endpoint_url: Option<String>,
    /// The profile AWS tools use when none is named (`AWS_PROFILE` or `default`).
    pub is_default: bool,
}

/// The profiles of the shared config and credentials files (`AWS_CONFIG_FILE` and
/// `AWS_SHARED_CREDENTIALS_FILE` are honoured), sorted by name.
pub async fn profiles() -> Result<Vec<ProfileInfo>, CoreError> {
    let fs = aws_types::os_shim_internal::Fs::real();
    let env = aws_types::os_shim_internal::Env::real();
    let files = aws_runtime::env_config::file::EnvConfigFiles::default();
    let set = aws_config::profile::load(&fs, &env, &files, None)
        .await
        .map_err(|e| {
            CoreError::aws(
                AwsErrorKind::Credentials,
                text!("aws-err-config-unreadable", detail = e.to_string()),
                text!("aws-fix-config-unreadable"),
            )
        })?;
    let selected = set.selected_profile().to_owned();
    let mut out: Vec<ProfileInfo> = set
        .profiles()
        .filter_map(|name| set.get_profile(name))
        .map(|p| ProfileInfo {
            name: p.name().to_owned(),
            region: p.get("region").map(str::to_owned),
            sso: p.get("sso_session").is_some() || p.get("sso_start_url").is_some(),
            assumes_role: p.get("role_arn").is_some(),
            endpoint_url: p.get("endpoint_url").map(str::to_owned),
            is_default: p.name() == selected,
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A session with AWS: the resolved SDK configuration, built once and shared by
/// every client. Holds no credential itself beyond the SDK's in-memory cache.
#[derive(Clone, Debug)]
pub struct Aws {
    config: SdkConfig,
    profile: Option<String>,
    sso: bool,
}

impl Aws {
    /// Loads the configuration and resolves credentials once, so that missing or
    /// expired credentials are reported before any call, with the exact fix.
    pub async fn connect(options: &AwsOptions) -> Result<Aws, CoreError> {
        let known = profiles().await?;
        let chosen = match &options.profile {
            Some(name) => Some(known.iter().find(|p| &p.name == name).ok_or_else(|| {
                let names: Vec<&str> = known.iter().map(|p| p.name.as_str()).collect();
                CoreError::aws(
                    AwsErrorKind::Credentials,
                    text!("aws-err-no-profile", profile = name),
                    if names.is_empty() {
                        text!("aws-fix-create-profile", profile = name)
                    } else {
                        text!(
                            "aws-fix-pick-known-profile",
                            profile = name,
                            profiles = names.join(", ")
                        )
                    },
                )
            })?),
            None => known.iter().find(|p| p.is_default),
        };

        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            // Throttling and transient errors: exponential backoff with jitter.
            .retry_config(RetryConfig::standard().with_max_attempts(5))
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(10))
                    .operation_attempt_timeout(Duration::from_secs(60))
                    .build(),
            );
        if let Some(name) = &options.profile {
            // A profile the user picks wins over environment credentials, as with
            // the AWS CLI's --profile.
            loader = loader.profile_name(name).credentials_provider(
                aws_config::profile::ProfileFileCredentialsProvider::builder()
                    .profile_name(name)
                    .build(),
            );
        }
        if let Some(url) = &options.endpoint_url {
            loader = loader.endpoint_url(url);
        } else if let Some(var) = blank_endpoint_var(
            // vars_os: std::env::vars() panics on a variable that is not UTF-8.
            std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))),
        ) {
            // The SDK takes a blank AWS_ENDPOINT_URL as a URL (and fails on it); a
            // profile's own endpoint_url, given explicitly, takes precedence over it.
            match chosen.and_then(|p| p.endpoint_url.clone()) {
                Some(url) => loader = loader.endpoint_url(url),
                None => {
                    return Err(CoreError::aws(
                        AwsErrorKind::Credentials,
                        text!("aws-err-empty-variable", var = &var),
                        text!("aws-fix-empty-variable", var = var),
                    ));
                }
            }
        }
        // The region is settled here, never by asking the instance metadata service
        // (which would stall a desktop for seconds): given, the profile's, the
        // environment's, else us-east-1.
        let region = options
            .region
            .clone()
            .or_else(|| chosen.and_then(|p| p.region.clone()))
            .or_else(|| std::env::var("AWS_REGION").ok())
            .or_else(|| std::env::var("AWS_DEFAULT_REGION").ok())
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| HOME_REGION.to_owned());
        loader = loader.region(Region::new(region));
        let config = loader.load().await;
        let aws = Aws {
            config,
            profile: options
                .profile
                .clone()
                .or_else(|| chosen.map(|p| p.name.clone())),
            sso: chosen.is_some_and(|p| p.sso),
        };
        aws.check_credentials().await?;
        Ok(aws)
    }

    async fn check_credentials(&self) -> Result<(), CoreError> {
        let Some(provider) = self.config.credentials_provider() else {
            return Err(errors::no_credentials(
                self,
                "no credential provider is configured",
            ));
        };
        provider
            .provide_credentials()
            .await
            .map(|_| ())
            .map_err(|e| errors::credentials_error(self, &e))
    }

    /// The profile in use, if any (for messages: `aws sso login --profile NAME`).
    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }

    pub(crate) fn is_sso(&self) -> bool {
        self.sso
    }

    /// The region of regional calls.
    pub fn region(&self) -> &str {
        self.config.region().map_or(HOME_REGION, |r| r.as_ref())
    }

    /// The endpoint every call goes to, when it is not AWS's own.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.config.endpoint_url()
    }

    fn in_region(&self, region: &str) -> SdkConfig {
        self.config
            .clone()
            .into_builder()
            .region(Region::new(Cow::Owned(region.to_owned())))
            .build()
    }

    pub fn sts(&self) -> aws_sdk_sts::Client {
        aws_sdk_sts::Client::new(&self.config)
    }

    pub fn iam(&self) -> aws_sdk_iam::Client {
        aws_sdk_iam::Client::new(&self.config)
    }

    pub fn organizations(&self) -> aws_sdk_organizations::Client {
        aws_sdk_organizations::Client::new(&self.config)
    }

    /// CloudFormation in us-east-1, where the stack is created.
    pub fn cloudformation(&self) -> aws_sdk_cloudformation::Client {
        aws_sdk_cloudformation::Client::new(&self.in_region(HOME_REGION))
    }

    /// S3 in `region`; path-style when the endpoint is not AWS's.
    pub fn s3(&self, region: &str) -> aws_sdk_s3::Client {
        let conf = aws_sdk_s3::config::Builder::from(&self.in_region(region))
            .force_path_style(self.endpoint_url().is_some())
            .build();
        aws_sdk_s3::Client::from_conf(conf)
    }

    /// The legacy CUR API answers in us-east-1 only. Its answer is optional (the
    /// files are checked without it): one retry, not five, before saying so.
    pub fn cur(&self) -> aws_sdk_costandusagereport::Client {
        let conf = aws_sdk_costandusagereport::config::Builder::from(&self.in_region(HOME_REGION))
            .retry_config(OPTIONAL_RETRY.clone())
            .build();
        aws_sdk_costandusagereport::Client::from_conf(conf)
    }

    /// Data Exports (CUR 2.0, FOCUS) answers in us-east-1 only; optional too.
    pub fn data_exports(&self) -> aws_sdk_bcmdataexports::Client {
        let conf = aws_sdk_bcmdataexports::config::Builder::from(&self.in_region(HOME_REGION))
            .retry_config(OPTIONAL_RETRY.clone())
            .build();
        aws_sdk_bcmdataexports::Client::from_conf(conf)
    }

    /// Support (Trusted Advisor) answers in us-east-1 only.
    pub fn support(&self) -> aws_sdk_support::Client {
        aws_sdk_support::Client::new(&self.in_region(HOME_REGION))
    }

    /// Cost Optimization Hub answers in us-east-1 only.
    pub fn cost_optimization_hub(&self) -> aws_sdk_costoptimizationhub::Client {
        aws_sdk_costoptimizationhub::Client::new(&self.in_region(HOME_REGION))
    }

    pub fn security_hub(&self) -> aws_sdk_securityhub::Client {
        aws_sdk_securityhub::Client::new(&self.config)
    }

    /// A session over a prepared SDK configuration (tests with mocked clients).
    pub fn from_config(config: SdkConfig) -> Aws {
        Aws {
            config,
            profile: None,
            sso: false,
        }
    }
}

/// A runtime for callers that are not async themselves (the CLI, the shell's
/// blocking commands). Multi-threaded: the S3 source blocks on it from worker threads.
pub fn runtime() -> Result<tokio::runtime::Runtime, CoreError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .map_err(|e| CoreError::io("start the AWS runtime", "tokio", e))
}

/// The first `AWS_ENDPOINT_URL*` variable that is set but blank, if any.
fn blank_endpoint_var(vars: impl Iterator<Item = (String, String)>) -> Option<String> {
    vars.filter(|(k, v)| k.starts_with("AWS_ENDPOINT_URL") && v.trim().is_empty())
        .map(|(k, _)| k)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_endpoint_variable_is_found_and_a_set_one_is_not() {
        let vars = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            blank_endpoint_var(vars(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")])),
            None
        );
        assert_eq!(blank_endpoint_var(vars(&[("HOME", "")])), None);
        assert_eq!(
            blank_endpoint_var(vars(&[
                ("AWS_ENDPOINT_URL_S3", " "),
                ("AWS_ENDPOINT_URL", "")
            ])),
            Some("AWS_ENDPOINT_URL".to_owned())
        );
    }
}
