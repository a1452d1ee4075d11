//! What the AWS emulator cannot answer, tested with the AWS SDK's own test
//! utilities (`aws-smithy-mocks`) fed with responses in AWS's documented wire
//! format:
//! - `iam:SimulatePrincipalPolicy` — moto has no IAM policy simulator;
//! - `cost-optimization-hub:ListEnrollmentStatuses` — moto has no Cost Optimization Hub;
//! - Trusted Advisor's `SubscriptionRequiredException` — moto's Support always answers;
//! - a stack that fails and rolls back — moto creates whatever it understands.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
#[path = "common/mocked.rs"]
mod mocked;

use aws_smithy_mocks::{RuleMode, mock};
use mocked::{aws, json_error, response, rt};

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use channelops_core::aws::identity::{Identity, PrincipalKind};
use channelops_core::aws::insights::{self, InsightState};
use channelops_core::aws::preflight::{self, Decision, DecisionSource};
use channelops_core::aws::stack;
use channelops_core::cloudformation::VendorSettings;

/// SimulatePrincipalPolicy's documented response for one action.
fn simulation(action: &str, decision: &str, extra: &str) -> String {
    format!(
        r#"<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <SimulatePrincipalPolicyResult>
    <IsTruncated>false</IsTruncated>
    <EvaluationResults>
      <member>
        <MatchedStatements>
          <member>
            <SourcePolicyId>OnboardingAdmins</SourcePolicyId>
            <SourcePolicyType>IAM Policy</SourcePolicyType>
            <StartPosition><Line>1</Line><Column>1</Column></StartPosition>
            <EndPosition><Line>1</Line><Column>90</Column></EndPosition>
          </member>
        </MatchedStatements>
        <MissingContextValues/>
        <EvalResourceName>*</EvalResourceName>
        <EvalDecision>{decision}</EvalDecision>
        <EvalActionName>{action}</EvalActionName>
        {extra}
      </member>
    </EvaluationResults>
  </SimulatePrincipalPolicyResult>
  <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>
</SimulatePrincipalPolicyResponse>"#
    )
}

#[test]
fn simulation_decides_every_action_and_names_scps_and_explicit_denies() {
    // Missing from moto: iam:SimulatePrincipalPolicy.
    let mut rules = Vec::new();
    for action in preflight::REQUIRED_ACTIONS {
        let body = match action {
            "iam:CreatePolicy" => simulation(action, "explicitDeny", ""),
            "sns:Publish" => simulation(
                action,
                "implicitDeny",
                "<OrganizationsDecisionDetail><AllowedByOrganizations>false</AllowedByOrganizations></OrganizationsDecisionDetail>",
            ),
            _ => simulation(action, "allowed", ""),
        };
        rules.push(
            mock!(aws_sdk_iam::Client::simulate_principal_policy)
                .match_requests(move |r| {
                    r.action_names().first().map(String::as_str) == Some(action)
                })
                .then_http_response(move || response(200, &body)),
        );
    }
    let iam = mocked!(aws_sdk_iam, RuleMode::MatchAny, &rules);
    // Nothing else may be called when simulation decides everything.
    let cfn = mocked!(aws_sdk_cloudformation, RuleMode::MatchAny, &[]);
    let identity = Identity {
        account: "123456789012".into(),
        arn: "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123/jane".into(),
        principal_arn: "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123".into(),
        principal_kind: PrincipalKind::Role,
        note: None,
    };
    let checks = rt()
        .block_on(preflight::permissions(
            &aws(),
            &iam,
            &cfn,
            &identity,
            &VendorSettings::default(),
        ))
        .unwrap();
    assert_eq!(checks.len(), 7);
    for c in &checks {
        assert_eq!(c.source, DecisionSource::Simulation, "{c:?}");
        match c.action.as_str() {
            "iam:CreatePolicy" => {
                assert_eq!(c.decision, Decision::Denied);
                assert!(
                    c.detail
                        .en()
                        .contains("explicitly denied by OnboardingAdmins"),
                    "{}",
                    c.detail
                );
                assert!(c.remedy.as_ref().unwrap().en().contains("iam:CreatePolicy"));
            }
            "sns:Publish" => {
                assert_eq!(c.decision, Decision::Denied);
                assert!(
                    c.detail.en().contains("service control policies"),
                    "{}",
                    c.detail
                );
            }
            _ => {
                assert_eq!(c.decision, Decision::Allowed, "{c:?}");
                assert!(c.remedy.is_none());
            }
        }
    }
}

#[test]
fn cost_optimization_hub_status_active_inactive_and_denied() {
    // Missing from moto: Cost Optimization Hub.
    let rt = rt();
    let cases = [
        (
            response(
                200,
                r#"{"items":[{"accountId":"123456789012","status":"Active","lastUpdatedTimestamp":1.7646e9}],"includeMemberAccounts":true}"#,
            ),
            InsightState::Enabled,
        ),
        (
            response(
                200,
                r#"{"items":[{"accountId":"123456789012","status":"Inactive","lastUpdatedTimestamp":1.7646e9}]}"#,
            ),
            InsightState::NotEnabled,
        ),
        (
            json_error(
                "AccessDeniedException",
                "You are not authorized to perform this action.",
            ),
            InsightState::AccessDenied,
        ),
    ];
    for (answer, expected) in cases {
        let answer = std::sync::Arc::new(std::sync::Mutex::new(Some(answer)));
        let rule = mock!(aws_sdk_costoptimizationhub::Client::list_enrollment_statuses)
            .then_http_response(move || {
                answer
                    .lock()
                    .unwrap()
                    .take()
                    .unwrap_or_else(|| response(500, ""))
            });
        let client = mocked!(aws_sdk_costoptimizationhub, [&rule]);
        let i = rt
            .block_on(insights::cost_optimization_hub(&aws(), &client))
            .unwrap();
        assert_eq!(i.state, expected, "{i:?}");
        assert!(
            i.console_url
                .starts_with("https://us-east-1.console.aws.amazon.com/")
        );
    }
}

#[test]
fn trusted_advisor_without_a_business_support_plan() {
    // moto's Support answers every account; AWS answers this without Business support.
    let rule =
        mock!(aws_sdk_support::Client::describe_trusted_advisor_checks).then_http_response(|| {
            json_error(
                "SubscriptionRequiredException",
                "AWS Premium Support Subscription is required to use this service.",
            )
        });
    let client = mocked!(aws_sdk_support, [&rule]);
    let i = rt()
        .block_on(insights::trusted_advisor(&aws(), &client))
        .unwrap();
    assert_eq!(i.state, InsightState::NeedsSupportPlan);
    assert!(
        i.detail.en().contains("Business or Enterprise"),
        "{}",
        i.detail
    );
}

const ROLLED_BACK: &str = r#"<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStacksResult>
    <Stacks>
      <member>
        <StackName>ChannelOpsCurAccess</StackName>
        <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/ChannelOpsCurAccess/6b1f3d70-cb5f-11f0-a3c8-0a1b2c3d4e5f</StackId>
        <CreationTime>2026-11-26T10:00:00.000Z</CreationTime>
        <StackStatus>ROLLBACK_COMPLETE</StackStatus>
        <StackStatusReason>The following resource(s) failed to create: [NotifyPlatform]. Rollback requested by user.</StackStatusReason>
        <DisableRollback>false</DisableRollback>
      </member>
    </Stacks>
  </DescribeStacksResult>
  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
</DescribeStacksResponse>"#;

fn event(id: u32, logical: &str, kind: &str, status: &str, reason: &str) -> String {
    format!(
        "<member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/ChannelOpsCurAccess/6b1f</StackId><EventId>e{id}</EventId><StackName>ChannelOpsCurAccess</StackName><LogicalResourceId>{logical}</LogicalResourceId><ResourceType>{kind}</ResourceType><Timestamp>2026-11-26T10:00:{id:02}.000Z</Timestamp><ResourceStatus>{status}</ResourceStatus><ResourceStatusReason>{reason}</ResourceStatusReason></member>"
    )
}

#[test]
fn a_failed_stack_reports_the_resource_that_failed_first() {
    // moto creates every resource it understands: a rollback is only seen on AWS.
    let events = [
        // Newest first, as DescribeStackEvents answers.
        event(9, "ChannelOpsCurAccess", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", ""),
        event(8, "CurReaderRole", "AWS::IAM::Role", "DELETE_COMPLETE", ""),
        event(7, "ChannelOpsCurAccess", "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [NotifyPlatform]."),
        event(6, "CurReadPolicy", "AWS::IAM::ManagedPolicy", "CREATE_FAILED", "Resource creation cancelled"),
        event(5, "NotifyPlatform", "Custom::ChannelOpsNotify", "CREATE_FAILED", "User: arn:aws:iam::123456789012:user/jane is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:channelops-onboarding"),
        event(4, "CurReaderRole", "AWS::IAM::Role", "CREATE_COMPLETE", ""),
        event(1, "ChannelOpsCurAccess", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"),
    ]
    .concat();
    let events_body = format!(
        r#"<DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackEventsResult><StackEvents>{events}</StackEvents></DescribeStackEventsResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStackEventsResponse>"#
    );
    let stacks = mock!(aws_sdk_cloudformation::Client::describe_stacks)
        .then_http_response(|| response(200, ROLLED_BACK));
    let evs = mock!(aws_sdk_cloudformation::Client::describe_stack_events)
        .then_http_response(move || response(200, &events_body));
    let cfn = mocked!(aws_sdk_cloudformation, RuleMode::MatchAny, &[&stacks, &evs]);
    let iam = mocked!(aws_sdk_iam, RuleMode::MatchAny, &[]);
    let s = rt()
        .block_on(stack::status_with(
            &aws(),
            &cfn,
            &iam,
            "ChannelOpsCurAccess",
        ))
        .unwrap();
    assert_eq!(s.phase, stack::StackPhase::Failed);
    assert_eq!(s.status.as_deref(), Some("ROLLBACK_COMPLETE"));
    let f = s.failed_resource.unwrap();
    assert_eq!(f.logical_id, "NotifyPlatform");
    assert!(f.reason.contains("SNS:Publish"), "{}", f.reason);
    assert!(
        s.next_step.en().contains("delete the failed stack"),
        "{}",
        s.next_step
    );
}

#[test]
fn expired_and_invalid_keys_are_credential_errors_with_the_fix() {
    // STS's documented error for an expired session token (and a revoked key).
    for (code, message, says) in [
        (
            "ExpiredToken",
            "The security token included in the request is expired",
            "expired",
        ),
        (
            "InvalidClientTokenId",
            "The security token included in the request is invalid.",
            "did not accept",
        ),
    ] {
        let body = format!(
            r#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>1</RequestId></ErrorResponse>"#
        );
        let rule = mock!(aws_sdk_sts::Client::get_caller_identity)
            .then_http_response(move || response(403, &body));
        let sts = mocked!(aws_sdk_sts, [&rule]);
        let err = rt()
            .block_on(channelops_core::aws::identity::identify_with(
                &aws(),
                &sts,
                None,
            ))
            .unwrap_err();
        assert_eq!(err.code().as_str(), "aws_credentials", "{err}");
        assert!(err.to_string().contains(says), "{err}");
        assert!(
            err.remedy().contains("aws sso login") || err.remedy().contains("aws configure"),
            "{}",
            err.remedy()
        );
    }
}

fn s3_error(status: u16, code: &str, message: &str) -> HttpResponse {
    response(
        status,
        &format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>"
        ),
    )
}

#[test]
fn an_object_under_a_kms_key_the_user_may_not_use_is_explained() {
    // moto does not enforce KMS key policies on S3 reads.
    use aws_sdk_s3::operation::get_bucket_location::GetBucketLocationOutput;
    use aws_sdk_s3::operation::head_object::HeadObjectOutput;
    use aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output;
    use aws_sdk_s3::types::{Object, ServerSideEncryption};
    let key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let location = mock!(aws_sdk_s3::Client::get_bucket_location)
        .then_output(|| GetBucketLocationOutput::builder().build());
    let list = mock!(aws_sdk_s3::Client::list_objects_v2).then_output(|| {
        ListObjectsV2Output::builder()
            .contents(
                Object::builder()
                    .key("cur/r/20261001-20261101/r-Manifest.json")
                    .size(900)
                    .build(),
            )
            .build()
    });
    let get = mock!(aws_sdk_s3::Client::get_object)
        .then_http_response(|| s3_error(403, "AccessDenied", "Access Denied"));
    let head = mock!(aws_sdk_s3::Client::head_object).then_output(move || {
        HeadObjectOutput::builder()
            .server_side_encryption(ServerSideEncryption::AwsKms)
            .ssekms_key_id(key_arn)
            .build()
    });
    let s3 = mocked!(
        aws_sdk_s3,
        RuleMode::MatchAny,
        &[&location, &list, &get, &head]
    );
    // The S3 source blocks on a multi-threaded runtime, as in the app.
    let rt = channelops_core::aws::runtime().unwrap();
    let status = rt
        .block_on(channelops_core::aws::bucket::check_with(
            &aws(),
            &s3,
            "acme-cur",
        ))
        .unwrap();
    assert!(!status.ok);
    assert!(
        status.problem.as_ref().unwrap().en().contains("KMS"),
        "{status:?}"
    );
    assert!(
        status.remedy.as_ref().unwrap().en().contains("kms:Decrypt"),
        "{status:?}"
    );

    // The S3 source says the same when the engine reads the object.
    let src = rt.block_on(async {
        channelops_core::aws::s3_source::S3Source::with_client(
            &aws(),
            s3.clone(),
            "acme-cur",
            "",
            "us-east-1",
        )
    });
    let err = channelops_core::cur::Source::read_range(
        &src,
        "cur/r/20261001-20261101/r-Manifest.json",
        0,
        900,
    )
    .unwrap_err();
    assert_eq!(err.code().as_str(), "aws_access_denied");
    assert!(err.to_string().contains(key_arn), "{err}");
    assert!(err.remedy().contains("kms:Decrypt"));
}

#[test]
fn throttled_reads_are_retried_with_backoff() {
    // S3's documented throttling answer, twice, then the bytes.
    use aws_sdk_s3::operation::get_object::GetObjectOutput;
    use aws_sdk_s3::primitives::ByteStream;
    let get = mock!(aws_sdk_s3::Client::get_object)
        .sequence()
        .http_response(|| s3_error(503, "SlowDown", "Please reduce your request rate."))
        .times(2)
        .output(|| {
            GetObjectOutput::builder()
                .content_range("bytes 0-4/100")
                .body(ByteStream::from_static(b"PAR1x"))
                .build()
        })
        .build();
    let s3 = mocked!(aws_sdk_s3, RuleMode::Sequential, &[&get], |c| c
        .retry_config(
            aws_config::retry::RetryConfig::standard()
                .with_max_attempts(5)
                .with_initial_backoff(std::time::Duration::from_millis(5))
        )
        .sleep_impl(aws_sdk_s3::config::SharedAsyncSleep::new(
            aws_smithy_async::rt::sleep::TokioSleep::new()
        )));
    // The S3 source blocks on a multi-threaded runtime, as in the app.
    let rt = channelops_core::aws::runtime().unwrap();
    let src = rt.block_on(async {
        channelops_core::aws::s3_source::S3Source::with_client(
            &aws(),
            s3,
            "acme-cur",
            "",
            "us-east-1",
        )
    });
    let bytes = channelops_core::cur::Source::read_range(&src, "data.parquet", 0, 5).unwrap();
    assert_eq!(bytes, b"PAR1x");
    assert_eq!(get.num_calls(), 3, "two throttled attempts, then success");
}
