//! The vendor CloudFormation template and its quick-create console link.
//!
//! The link opens the AWS console's "Quick create stack" page with the template
//! and parameters filled in; the user reviews it, ticks the IAM capabilities box
//! and creates the stack. Only `https` links to AWS console hosts are ever opened.

use crate::error::CoreError;
use crate::text;

/// The template, shipped in the repository (and in the binary).
pub const TEMPLATE: &str = include_str!("../templates/channelops-cur-access.yaml");

pub use crate::settings::VendorSettings;

/// RFC 3986 percent-encoding of everything but unreserved characters (URL
/// parameters here and in `mailto:` links).
pub fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The quick-create link for a customer's account: the template, the stack name and
/// the parameters (external ID, CUR bucket, the vendor account and topic).
pub fn quick_create_link(
    settings: &VendorSettings,
    external_id: &str,
    bucket: &str,
) -> Result<String, CoreError> {
    crate::ids::stack_name(&settings.stack_name)?;
    if !settings.template_url.starts_with("https://")
        || !settings.template_url.contains(".amazonaws.com/")
    {
        return Err(CoreError::invalid(
            text!("cfn-err-template-url"),
            text!("cfn-fix-template-url"),
        ));
    }
    let params = stack_parameters(settings, external_id, bucket);
    let mut link = format!(
        "https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL={}&stackName={}",
        percent_encode(&settings.template_url),
        percent_encode(&settings.stack_name)
    );
    for (name, value) in params {
        link.push_str(&format!("&param_{name}={}", percent_encode(value)));
    }
    if link.len() > 8000 {
        return Err(CoreError::invalid(
            text!("cfn-err-link-long"),
            text!("cfn-fix-link-long"),
        ));
    }
    Ok(link)
}

/// The vendor stack's parameters, the same for the quick-create link and for
/// "Create the stack for me".
pub fn stack_parameters<'a>(
    settings: &'a VendorSettings,
    external_id: &'a str,
    bucket: &'a str,
) -> [(&'static str, &'a str); 4] {
    [
        ("ExternalId", external_id),
        ("CurBucketName", bucket),
        ("VendorAccountId", settings.vendor_account_id.as_str()),
        ("VendorSnsTopicArn", settings.sns_topic_arn.as_str()),
    ]
}

/// Whether `url` may be opened in the user's browser: `https` to an AWS console host only.
pub fn is_console_url(url: &str) -> bool {
    // Printable ASCII only (our links are percent-encoded): no spaces, control
    // characters or backslashes, which browsers read as '/' and so as the host's end.
    if !url.bytes().all(|b| b.is_ascii_graphic()) || url.contains('\\') {
        return false;
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    // No user-info, port or percent-encoding in the host: just its labels.
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    labels_ok && (host == "console.aws.amazon.com" || host.ends_with(".console.aws.amazon.com"))
}

/// A `mailto:` link as the app makes them: one address, then only `to`,
/// `subject` and `body`, every value percent-encoded (no raw spaces, line breaks
/// or control characters).
pub fn is_mail_link(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("mailto:") else {
        return false;
    };
    if !rest.bytes().all(|b| b.is_ascii_graphic()) || rest.contains('\\') {
        return false;
    }
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    !to.is_empty()
        && !to.contains(['/', '#'])
        && (query.is_empty()
            || query.split('&').all(|kv| {
                kv.split_once('=')
                    .is_some_and(|(k, _)| matches!(k, "to" | "subject" | "body"))
            }))
}

/// Checks a link before handing it to the browser; the refusal says why.
pub fn check_openable(url: &str) -> Result<(), CoreError> {
    if is_console_url(url) {
        Ok(())
    } else {
        Err(CoreError::NotAllowed {
            message: text!("cfn-err-not-console", url = url),
            remedy: text!("cfn-fix-not-console"),
        })
    }
}

/// The links the app hands to the system: AWS console links (see [`check_openable`])
/// and `mailto:` links (the welcome message to a customer).
pub fn check_link(url: &str) -> Result<(), CoreError> {
    if url.starts_with("mailto:") {
        return if is_mail_link(url) {
            Ok(())
        } else {
            Err(CoreError::NotAllowed {
                message: text!("cfn-err-not-mail", url = url),
                remedy: text!("cfn-fix-not-mail"),
            })
        };
    }
    check_openable(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_has_the_documented_shape_with_encoded_values() {
        let link =
            quick_create_link(&VendorSettings::default(), "ext/id+=1 2", "acme-cur").unwrap();
        assert!(link.starts_with(
            "https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=https%3A%2F%2Fchannelops-public.s3."
        ));
        assert!(link.contains("&stackName=ChannelOpsCurAccess"));
        assert!(link.contains("&param_ExternalId=ext%2Fid%2B%3D1%202"));
        assert!(link.contains("&param_CurBucketName=acme-cur"));
        assert!(link.contains("&param_VendorSnsTopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A"));
        assert!(is_console_url(&link));
    }

    #[test]
    fn only_the_aws_console_and_plain_mail_links_pass() {
        for good in [
            "https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/x",
            "https://console.aws.amazon.com/",
            "https://console.aws.amazon.com",
        ] {
            assert!(is_console_url(good), "{good}");
        }
        for bad in [
            "https://evil.example\\.console.aws.amazon.com/",
            "https://evil.example\\@console.aws.amazon.com/",
            "https://user@console.aws.amazon.com/",
            "https://console.aws.amazon.com:8443/",
            "https://console.aws.amazon.com.evil.example/",
            "https://evil%2eexample.console.aws.amazon.com/",
            "https://CONSOLE.aws.amazon.com/",
            "https://console.aws.amazon.com/ x",
            "http://console.aws.amazon.com/",
            "javascript:alert(1)//console.aws.amazon.com",
            "https://evilconsole.aws.amazon.com/",
        ] {
            assert!(!is_console_url(bad), "{bad}");
            assert!(check_link(bad).is_err(), "{bad}");
        }
        assert!(check_link("mailto:ann%40acme.example?subject=Hi%20there&body=Line%0A2").is_ok());
        for bad in [
            "mailto:ann@acme.example?subject=a\r\nBcc: x@evil.example",
            "mailto:ann@acme.example?bcc=x%40evil.example",
            "mailto:ann@acme.example?subject=a b",
            "mailto:?body=x",
        ] {
            assert!(check_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_link_parameter_is_a_template_parameter() {
        let link =
            quick_create_link(&VendorSettings::default(), "x".repeat(20).as_str(), "b-1").unwrap();
        let params_section = TEMPLATE.split("\nResources:").next().unwrap();
        for part in link.split('&').filter_map(|p| p.strip_prefix("param_")) {
            let name = part.split('=').next().unwrap();
            assert!(
                params_section.contains(&format!("\n  {name}:\n")),
                "param_{name} is not in the template"
            );
        }
        // And the template keeps what the spec requires.
        for needle in [
            "sts:ExternalId",
            "AWS::IAM::ManagedPolicy",
            "ServiceToken: !Ref VendorSnsTopicArn",
            "RoleArn:",
            "AccountID:",
            "ExternalID:",
            "s3:GetObject",
        ] {
            assert!(TEMPLATE.contains(needle), "template lacks {needle}");
        }
    }

    #[test]
    fn only_https_aws_console_links_may_be_opened() {
        assert!(is_console_url("https://console.aws.amazon.com/"));
        assert!(is_console_url(
            "https://us-east-1.console.aws.amazon.com/cloudformation/home"
        ));
        for bad in [
            "http://us-east-1.console.aws.amazon.com/",
            "https://console.aws.amazon.com.evil.example/",
            "https://evil.example/?x=.console.aws.amazon.com",
            "https://user@console.aws.amazon.com/",
            "file:///etc/passwd",
            "javascript:alert(1)",
        ] {
            assert!(!is_console_url(bad), "{bad}");
            assert_eq!(
                check_openable(bad).unwrap_err().code().as_str(),
                "not_allowed"
            );
        }
        let bad_name = VendorSettings {
            stack_name: "1bad name".into(),
            ..VendorSettings::default()
        };
        assert!(quick_create_link(&bad_name, "x", "b").is_err());
    }

    #[test]
    fn mailto_links_may_be_opened_too_but_nothing_else() {
        assert!(check_link("mailto:ann%40acme.example?subject=Hello").is_ok());
        assert!(check_link("https://console.aws.amazon.com/").is_ok());
        for bad in [
            "mailto:a@b.example\nBcc: x@evil.example",
            "file:///etc/passwd",
            "https://evil.example/",
        ] {
            assert!(check_link(bad).is_err(), "{bad}");
        }
    }
}
