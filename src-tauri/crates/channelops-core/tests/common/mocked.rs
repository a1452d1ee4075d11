//! Clients whose calls are answered by `aws-smithy-mocks` rules with responses in
//! AWS's documented wire format: for what the AWS emulator (moto) lacks.

#![allow(dead_code)]

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use channelops_core::aws::Aws;

/// A client of `$sdk` whose calls are answered by `$rules` — the SDK's own
/// `mock_client!` without its `test-util` feature, which would make CI build
/// every service crate a second time.
macro_rules! mocked {
    ($sdk:ident, $rules:expr) => {
        mocked!($sdk, RuleMode::Sequential, $rules, |c| c)
    };
    ($sdk:ident, $mode:expr, $rules:expr) => {
        mocked!($sdk, $mode, $rules, |c| c)
    };
    ($sdk:ident, $mode:expr, $rules:expr, $extra:expr) => {{
        let mut interceptor = aws_smithy_mocks::MockResponseInterceptor::new().rule_mode($mode);
        for rule in $rules {
            interceptor = interceptor.with_rule(rule);
        }
        let extra: fn($sdk::config::Builder) -> $sdk::config::Builder = $extra;
        $sdk::Client::from_conf(
            extra(
                $sdk::config::Config::builder()
                    .behavior_version($sdk::config::BehaviorVersion::latest())
                    .region($sdk::config::Region::new("us-east-1"))
                    .credentials_provider($sdk::config::Credentials::new(
                        "AKIDTEST",
                        "test-secret",
                        None,
                        None,
                        "mock",
                    ))
                    .http_client(aws_smithy_mocks::create_mock_http_client())
                    .interceptor(interceptor),
            )
            .build(),
        )
    }};
}
pub fn response(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(
        StatusCode::try_from(status).unwrap(),
        SdkBody::from(body.to_owned()),
    )
}

pub fn json_error(kind: &str, message: &str) -> HttpResponse {
    let mut r = response(
        400,
        &format!(r#"{{"__type":"{kind}","message":"{message}"}}"#),
    );
    r.headers_mut()
        .insert("content-type", "application/x-amz-json-1.1");
    r
}

/// An `Aws` for error messages only: the calls go to the mocked clients.
pub fn aws() -> Aws {
    Aws::from_config(aws_config::SdkConfig::builder().build())
}

pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}
