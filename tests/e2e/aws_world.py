"""A customer's AWS in `moto_server`, for the tests that walk Part 3: the real-window
story (test_story.py) and the browser tests on the real core (ui/tests/browser).

As a module: `moto_server()` starts the emulator, `customer_aws()` fills it,
`create_stack_as_the_console_would()` does what the user does in the CloudFormation
console. As a command (for Playwright, which has no AWS SDK):

    python tests/e2e/aws_world.py setup ENDPOINT DIR CHANNELOPS [--enforce-iam]
        prints the world as JSON (profiles, files, the admin's keys)
    python tests/e2e/aws_world.py create-stack ENDPOINT LINK KEY SECRET
    python tests/e2e/aws_world.py deliver ENDPOINT DIR BUCKET VARIANT

The world, account 111122223333 (the organization's management account):
- profile `acme-admin`: user ann, AdministratorAccess;
- profile `acme-readonly`: user rita, ReadOnlyAccess (reads allowed, creating denied);
- profile `acme-limited`: user pat, who may not read his own IAM policies (the
  pre-flight's probes decide two actions, the rest stays "not verified");
- profile `acme-operator`: user olga, the seven actions but nothing to create a CUR;
- profile `acme-sso`: IAM Identity Center, its cached token expired;
- bucket `acme-cur` in us-east-1: one valid legacy CUR (`cur-parquet`) and one
  without resource IDs (`no-rid`); bucket `acme-cur-eu` in eu-west-1; bucket
  `acme-new-cur` in us-east-1, empty (a CUR defined a minute ago);
- the legacy CUR API and Data Exports, which moto lacks, are the stand-in
  `billing_api.py` (its world file is the test's to fill).
With `--enforce-iam` only these users' keys work and their policies apply.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, unquote, urlparse
from urllib.request import Request, urlopen

from harness import stop

REPO = Path(__file__).resolve().parents[2]
ACCOUNT = "111122223333"
BUCKET = "acme-cur"
NEW_BUCKET = "acme-new-cur"
TEMPLATE = REPO / "src-tauri/crates/channelops-core/templates/channelops-cur-access.yaml"
SSO_SESSION = "acme"

TEMPLATE_BUCKET = "channelops-public"
TEMPLATE_KEY = "templates/channelops-cur-access.yaml"

# Olga may create the vendor stack (the seven actions) and read, but not create a
# CUR, a bucket or a bucket policy: "Create the CUR for me" is unavailable to her.
OLGA_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "iam:CreatePolicy", "iam:CreateRole", "iam:AttachRolePolicy", "iam:GetRole",
                "cloudformation:CreateStack", "cloudformation:GetTemplateSummary", "cloudformation:Describe*",
                "sns:Publish", "s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject",
                "organizations:DescribeOrganization", "iam:ListAttachedUserPolicies", "iam:ListUserPolicies",
                "iam:GetUserPolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListGroupsForUser",
            ],
            "Resource": "*",
        }
    ],
}

# Pat may read the template and roles (the probes) but none of his own policies.
PAT_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["cloudformation:GetTemplateSummary", "iam:GetRole", "organizations:DescribeOrganization"],
            "Resource": "*",
        }
    ],
}


@contextlib.contextmanager
def moto_server(log_path: Path) -> Iterator[str]:
    """moto_server on 127.0.0.1 and a free port, as AWS account 111122223333; yields its URL."""
    env = {**os.environ, "MOTO_IAM_LOAD_MANAGED_POLICIES": "true", "MOTO_ACCOUNT_ID": ACCOUNT}
    log = open(log_path, "w+")
    proc = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", "0"], env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 30
        port = None
        while port is None and time.monotonic() < deadline:
            log.seek(0)
            m = re.search(r"Running on http://127\.0\.0\.1:(\d+)", log.read())
            port = int(m.group(1)) if m else None
            if port is None:
                if proc.poll() is not None:
                    raise RuntimeError("moto_server exited: is moto[server] installed (bash .ci/setup)?")
                time.sleep(0.1)
        if port is None:
            raise RuntimeError("moto_server did not print its port within 30 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)
        log.close()


def aws_client(endpoint: str, service: str, key: str = "testing", secret: str = "testing"):
    import boto3

    return boto3.client(
        service,
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id=key,
        aws_secret_access_key=secret,
    )


def _user(iam, name: str, managed: list[str], inline: dict | None = None) -> dict:
    iam.create_user(UserName=name)
    for arn in managed:
        iam.attach_user_policy(UserName=name, PolicyArn=arn)
    if inline is not None:
        iam.put_user_policy(UserName=name, PolicyName=f"{name}-inline", PolicyDocument=json.dumps(inline))
    return iam.create_access_key(UserName=name)["AccessKey"]


def customer_aws(endpoint: str, root: Path, channelops: Path, enforce_iam: bool = False) -> dict:
    """Fills the emulator (see the module's text) and writes the AWS config and
    credentials files and the SSO token cache under `root`; returns where they are."""
    iam = aws_client(endpoint, "iam")
    ann = _user(iam, "ann", ["arn:aws:iam::aws:policy/AdministratorAccess"])
    rita = _user(iam, "rita", ["arn:aws:iam::aws:policy/ReadOnlyAccess"])
    pat = _user(iam, "pat", [], PAT_POLICY)
    olga = _user(iam, "olga", [], OLGA_POLICY)
    aws_client(endpoint, "organizations").create_organization(FeatureSet="ALL")

    fixtures = root / "fixtures"
    subprocess.run([str(channelops), "fixtures", str(fixtures)], check=True, stdout=subprocess.DEVNULL)
    s3 = aws_client(endpoint, "s3")
    s3.create_bucket(Bucket=BUCKET)
    for variant in ("valid-parquet-athena", "no-resource-ids"):
        base = fixtures / variant
        for f in sorted(p for p in base.rglob("*") if p.is_file()):
            s3.upload_file(str(f), BUCKET, f.relative_to(base).as_posix())
    s3.create_bucket(Bucket="acme-cur-eu", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    # A bucket made a minute ago for a new CUR: nothing delivered yet.
    s3.create_bucket(Bucket=NEW_BUCKET)
    # The vendor template where the workspace's template URL points (the default
    # https://channelops-public.s3.us-east-1.amazonaws.com/templates/…), as moto can run it.
    s3.create_bucket(Bucket=TEMPLATE_BUCKET)
    s3.put_object(Bucket=TEMPLATE_BUCKET, Key=TEMPLATE_KEY, Body=runnable_template().encode())

    # The AWS CLI's files, as `aws configure` and `aws configure sso` write them.
    aws_dir = root / "aws"
    aws_dir.mkdir(parents=True, exist_ok=True)
    profiles = {"acme-admin": ann, "acme-readonly": rita, "acme-limited": pat, "acme-operator": olga}
    config = "".join(f"[profile {name}]\nregion = us-east-1\nendpoint_url = {endpoint}\n\n" for name in profiles)
    config += (
        f"[profile acme-sso]\nsso_session = {SSO_SESSION}\nsso_account_id = {ACCOUNT}\nsso_role_name = Admin\n"
        f"region = us-east-1\nendpoint_url = {endpoint}\n\n"
        f"[sso-session {SSO_SESSION}]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\n"
    )
    (aws_dir / "config").write_text(config)
    (aws_dir / "credentials").write_text(
        "".join(
            f"[{name}]\naws_access_key_id = {k['AccessKeyId']}\naws_secret_access_key = {k['SecretAccessKey']}\n\n"
            for name, k in profiles.items()
        )
    )
    # `aws sso login` left a token that has since expired (and cannot be refreshed).
    home = root / "home"
    cache = home / ".aws" / "sso" / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    (cache / (hashlib.sha1(SSO_SESSION.encode()).hexdigest() + ".json")).write_text(
        json.dumps(
            {
                "accessToken": "expired-token",
                "expiresAt": "2020-01-01T00:00:00Z",
                "region": "us-east-1",
                "startUrl": "https://acme.awsapps.com/start",
            }
        )
    )
    if enforce_iam:
        with urlopen(Request(f"{endpoint}/moto-api/reset-auth", data=b"0", method="POST", headers={"Content-Type": "text/plain"})) as answer:
            if answer.status != 200:
                raise RuntimeError(f"moto reset-auth answered {answer.status}")
    return {
        "endpoint": endpoint,
        "account": ACCOUNT,
        "config": str(aws_dir / "config"),
        "credentials": str(aws_dir / "credentials"),
        "home": str(home),
        "admin": {"key": ann["AccessKeyId"], "secret": ann["SecretAccessKey"]},
    }


def runnable_template() -> str:
    """The vendor template as moto can run it: moto runs custom resources only as
    Lambda functions, so its SNS notification resource is left out."""
    template = TEMPLATE.read_text()
    start = template.index("  NotifyPlatform:")
    end = template.index("\nOutputs:", start)
    return template[:start] + template[end + 1 :]


def create_stack_as_the_console_would(endpoint: str, link: str, key: str = "testing", secret: str = "testing") -> None:
    """What the user does in the CloudFormation console with the quick-create link:
    the vendor template with the link's parameters. moto runs custom resources only as
    Lambda functions, so its SNS notification resource is left out."""
    fragment = urlparse(link).fragment
    params = parse_qs(fragment.split("?", 1)[1])
    template = runnable_template()
    aws_client(endpoint, "cloudformation", key, secret).create_stack(
        StackName=params["stackName"][0],
        TemplateBody=template,
        Parameters=[
            {"ParameterKey": "ExternalId", "ParameterValue": unquote(params["param_ExternalId"][0])},
            {"ParameterKey": "CurBucketName", "ParameterValue": params["param_CurBucketName"][0]},
        ],
        Capabilities=["CAPABILITY_NAMED_IAM"],
    )


def deliver_as_aws_would(endpoint: str, root: Path, bucket: str, variant: str) -> None:
    """AWS's first delivery: the files of a generated fixture (`channelops
    fixtures` wrote them under DIR/fixtures at set-up) put into `bucket`."""
    s3 = aws_client(endpoint, "s3")
    base = root / "fixtures" / variant
    for f in sorted(p for p in base.rglob("*") if p.is_file()):
        s3.upload_file(str(f), bucket, f.relative_to(base).as_posix())


def main(argv: list[str]) -> int:
    usage = "usage: aws_world.py setup ENDPOINT DIR CHANNELOPS [--enforce-iam] | create-stack ENDPOINT LINK KEY SECRET | deliver ENDPOINT DIR BUCKET VARIANT"
    if len(argv) >= 4 and argv[0] == "setup":
        world = customer_aws(argv[1], Path(argv[2]), Path(argv[3]), enforce_iam="--enforce-iam" in argv[4:])
        print(json.dumps(world))
        return 0
    if len(argv) == 5 and argv[0] == "deliver":
        deliver_as_aws_would(argv[1], Path(argv[2]), argv[3], argv[4])
        return 0
    if len(argv) == 5 and argv[0] == "create-stack":
        create_stack_as_the_console_would(argv[1], argv[2], argv[3], argv[4])
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
