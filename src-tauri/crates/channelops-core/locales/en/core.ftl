# The core's messages in English: the reference catalog (see src/text.rs).
# Ids are stable: never rename one that has shipped. Each id here is used by the
# code and has its Japanese twin in ../ja/core.ftl (a test checks both ways).

## Onboarding progress: who must act, what blocks, the next action.

who-parent-admin = Admin of { $parent }
who-customer-admin = Admin of { $customer } ({ $contact })
who-nobody-aws-delivers = Nobody — AWS delivers within 24 hours
who-nobody = Nobody
blocker-profile-later = The profile was saved with "Complete later".
blocker-no-contract = No active contract: cloud accounts cannot be connected.
blocker-not-activated = Waiting for the customer Admin to activate the invitation.
blocker-awaiting-delivery = Waiting for AWS's first delivery of the CUR "{ $report }": its definition is right (found { $since }).
blocker-cur-failed = The CUR failed validation.
next-complete-profile = Complete the customer profile
next-assign-contract = Assign a contract
next-send-invitation = Send the invitation
next-connect-account = Connect your AWS Management Account
next-set-up-cur = Set up the CUR and enter its bucket
next-open-cloudformation = Open AWS CloudFormation Console
next-refresh-curs = Refresh the CUR list
next-fix-cur = Fix the CUR and Refresh
next-validate-cur = Validate the CUR
next-confirm = Confirm and proceed
next-link-or-complete = Link new account or Complete
next-nothing = Nothing to do

## A sentence stored as plain English by an earlier version (results, bundles, reports).

raw = { $text }

## Validation of a source: the checks of each report found.

validation-choose-one = { $count } valid CURs were found ({ $names }), but only one CUR is supported: choose the one to use.
validation-no-report = No Cost and Usage Report was found here. If you created the report recently, its first delivery can take up to 24 hours; otherwise check the bucket and prefix.
remedy-new-legacy-cur = In the AWS Billing and Cost Management console, open Data Exports → Create, choose "Legacy CUR export", tick "Include resource IDs" and "Split cost allocation data", choose Hourly and Parquet (or gzip CSV), and deliver it to an S3 bucket in us-east-1; then enter that bucket here.
check-legacy-focus = This is a FOCUS export ({ $marker }), not a legacy Cost and Usage Report. Only legacy CUR is supported.
check-legacy-cur2 = This is a CUR 2.0 (Data Exports) report ({ $marker }), not a legacy Cost and Usage Report. Only legacy CUR is supported.
check-legacy-data-exports-layout = This is a CUR 2.0 / FOCUS Data Exports layout (data/BILLING_PERIOD=… folders), not a legacy Cost and Usage Report. Only legacy CUR is supported.
check-legacy-data-exports-manifest = The manifest is a Data Exports manifest (it has { $marker }), not a legacy CUR manifest. Only legacy CUR is supported.
check-legacy-snake-csv = The CSV uses snake_case column names. AWS writes legacy CSV reports with category/Name names (lineItem/ResourceId); snake_case CSV is typical of CUR 2.0 exports or of files converted from Parquet, so this cannot be confirmed as a legacy CUR.
remedy-legacy-snake-csv = If this file comes from a Data Exports "Standard data export", create a "Legacy CUR export" instead. If it is a converted copy of a legacy Parquet report, validate the original files.
check-legacy-pass = Legacy Cost and Usage Report ({ $format ->
        [gzip-csv] gzip CSV
        [zip-csv] ZIP CSV
        [plain-csv] uncompressed CSV
        [parquet] Parquet
       *[data] data
    }).
check-legacy-not-cur = This file is not a Cost and Usage Report: it has none of the CUR columns (such as lineItem/UnblendedCost or identity/TimeInterval).
remedy-legacy-not-cur = Point the app at the bucket (or folder) your legacy CUR is delivered to, not at another file.
check-legacy-unknown = No data file could be read, so the report type cannot be told yet.
check-no-data-files = No data files yet.
check-no-readable-file = No data file could be read yet.
check-format-zip = The report is ZIP-compressed. Only gzip CSV and Parquet are supported.
remedy-format-zip = Compression cannot be changed on an existing report: in Billing and Cost Management → Data Exports, create a new legacy CUR export with compression "GZIP" or format "Parquet" (recommended), and use that one.
check-format-plain = The data file is uncompressed CSV. AWS delivers legacy CURs as gzip CSV or Parquet; an uncompressed file is fine for a local copy, but the report in S3 must be gzip or Parquet.
remedy-format-plain = Make sure the report in Data Exports uses compression "GZIP" or format "Parquet"; when copying a report for support, keep the original .csv.gz or .parquet files.
check-format-parquet = Parquet (recommended).
check-format-gzip = gzip-compressed CSV.
check-resource-ids-pass = Resource IDs are included (column { $column }).
check-resource-ids-fail = The report does not include resource IDs: the data has no lineItem/ResourceId column.
remedy-resource-ids = Resource IDs cannot be added to past data. In Billing and Cost Management → Data Exports, create a new legacy CUR export with "Include resource IDs" ticked (with split cost allocation data, hourly), and use that one.
check-split-pass = Split cost allocation data is included (splitLineItem columns).
check-split-none = The report does not include split cost allocation data: it has no splitLineItem columns.
check-split-partial = The report lacks split cost allocation columns: { $columns }.
remedy-split = Turn on split cost allocation data in Billing and Cost Management → Cost management preferences, then edit the legacy CUR in Data Exports and tick "Split cost allocation data". New deliveries will include the splitLineItem columns.
check-hourly-unparsed = identity/TimeInterval values could not be read as time intervals, so the granularity cannot be confirmed.
check-hourly-empty = identity/TimeInterval is empty in the sampled rows, so the granularity cannot be confirmed.
remedy-hourly-refresh = Refresh after the next delivery; if it persists, check that the report is hourly in Data Exports.
check-hourly-pass = Hourly: all { $total } sampled rows have 1-hour time intervals.
check-hourly-fail = The report is { $span ->
        [daily] daily
        [monthly] monthly
       *[other] not hourly
    }: { $count } of { $total } sampled rows span { $span ->
        [hourly] 1 hour (hourly)
        [daily] 24 hours (daily)
        [monthly] { $n } days (monthly)
        [hours] { $n } hours
       *[seconds] { $n } seconds
    } instead of 1 hour.
remedy-hourly = Time granularity cannot be changed on an existing report: in Billing and Cost Management → Data Exports, create a new legacy CUR export with time granularity "Hourly", and use that one.
check-hourly-no-interval = The data has no identity/TimeInterval column, so the granularity was judged from usage dates ({ $spans ->
        [none] no usage dates could be read either
       *[other] usage start/end dates span { $spans }
    }); { $looks ->
        [hourly] they look hourly
       *[unsure] they do not confirm hourly
    }. Usage dates do not reliably tell the granularity (tax and some usage rows span more).
remedy-hourly-no-interval = Check that the report's time granularity is "Hourly" in Billing and Cost Management → Data Exports; files delivered by AWS always carry identity/TimeInterval.
check-readable-manifest = The manifest cannot be read: { $why }.
remedy-readable-manifest = AWS rewrites the manifest with every delivery: Refresh after the next one (up to 24 hours). If you validate a copy of the bucket, copy the manifest again.
check-readable-missing = { $count } data file(s) named by the manifest are not in the bucket, e.g. { $key }.
remedy-readable-missing = AWS may still be writing this delivery: Refresh in an hour. If files stay missing, check that no lifecycle rule or other process deletes objects under the report's prefix.
check-readable-bad = { $bad } of { $total } data file(s) cannot be read; { $key }: { $why }.
remedy-readable-damaged = The file is damaged or incomplete (for example an interrupted upload or copy). Download it again from the bucket, or wait for AWS's next delivery (up to 24 hours) and Refresh.
check-readable-pass = All { $count } data file(s) open and read correctly.
check-payer-no-id = No AWS management account ID was given to compare with.
check-payer-unknown = The payer account could not be read from the data or the manifest.
remedy-payer-unknown = Make sure the report was created in your AWS management (payer) account.
check-payer-other = This CUR belongs to payer account { $other }, not to the account you entered ({ $expected }).
remedy-payer-other = Create the legacy CUR while signed in to the management (payer) account { $expected } — a CUR created in a member account shows only that account's costs — or, if { $other } is your management account, enter { $other } instead.
check-payer-pass = The payer account is { $expected }, as entered.
check-fresh-none = No data has been delivered yet. The first delivery can take up to 24 hours after the report is created.
remedy-fresh-none = Nothing to fix if you created the report in the last 24 hours: come back later and Refresh.
check-fresh-present = Data is present.
check-fresh-stale = The latest data is for { $latest }: nothing newer has been delivered. AWS updates a CUR several times a day.
remedy-fresh-stale = Check in Data Exports that the report still exists, and that the bucket policy still lets billingreports.amazonaws.com write to the bucket.
check-fresh-pass = Data is delivered: the latest billing period is { $latest }.
check-region-pass = The bucket is in us-east-1.
check-region-other = The bucket is in { $region }; legacy CURs must be delivered to a bucket in us-east-1 (US East, N. Virginia).
remedy-region = Create an S3 bucket in us-east-1, then in Data Exports edit the legacy CUR (or create a new one) to deliver to it, and enter that bucket here.
check-region-local = A local copy: the bucket's region is not known (give --region to check it).
check-region-unknown = The bucket's region could not be determined.
evidence-uncompressed = an uncompressed CSV file
evidence-column-absent = the column is absent from the file's header
evidence-columns-absent = the columns are absent from the file's header
evidence-no-interval = the column is absent; judged from lineItem/UsageStartDate and lineItem/UsageEndDate
evidence-not-found = named in the manifest's reportKeys, not found
evidence-no-data-files = no data files

## A CUR definition as AWS describes it (DescribeReportDefinitions), judged.

def-legacy-pass = A legacy Cost and Usage Report definition (Data Exports → legacy CUR export).
def-format-parquet = Delivered as Parquet.
def-format-gzip = Delivered as gzip-compressed CSV.
def-format-fail = The definition delivers { $format } with { $compression } compression; only Parquet or gzip CSV can be validated.
def-format-remedy = In the AWS Billing and Cost Management console, open Data Exports, select the legacy CUR export "{ $name }" and choose Parquet (or CSV with GZIP compression). A new CUR may be needed: AWS does not change the format of an existing one.
def-resource-ids-pass = Resource IDs are included.
def-resource-ids-fail = The definition does not include resource IDs (RESOURCES is not among its additional schema elements).
def-resource-ids-remedy = In the AWS Billing and Cost Management console, open Data Exports, select the legacy CUR export "{ $name }", choose Edit and tick "Include resource IDs". Files already delivered stay without them.
def-split-pass = Split cost allocation data is included.
def-split-fail = The definition does not include split cost allocation data (SPLIT_COST_ALLOCATION_DATA is not among its additional schema elements).
def-split-remedy = In the AWS Billing and Cost Management console, open Data Exports, select the legacy CUR export "{ $name }", choose Edit and tick "Split cost allocation data" (enable it first under Cost Management preferences if it is greyed out).
def-hourly-pass = Hourly granularity.
def-hourly-fail = The definition's time granularity is { $unit }; the report must be hourly.
def-hourly-remedy = In the AWS Billing and Cost Management console, open Data Exports, select the legacy CUR export "{ $name }", choose Edit and set the time granularity to Hourly.
def-billing-view-fail = The definition reports a billing view other than the account's primary one (a pro-forma CUR of AWS Billing Conductor), not the costs AWS bills.
def-billing-view-remedy = Create a legacy CUR export of the primary billing view (the default in Data Exports) and use that one.
def-billing-view-pass = It reports the account's billed costs (primary billing view).
def-region-pass = Its bucket is in us-east-1.
def-region-fail = The definition delivers to a bucket in { $region }; the bucket must be in us-east-1.
def-region-remedy = Create an S3 bucket in us-east-1, then create a legacy CUR export delivering to it (the region of an existing CUR cannot be changed).
def-bucket-where = It delivers to { $url }.
def-bucket-other = The definition delivers to the bucket { $theirs }, not to { $entered }.
def-bucket-other-remedy = Enter the bucket { $theirs } (and prefix "{ $prefix }") instead, or use the CUR that delivers to { $entered }.
def-prefix-other = The definition delivers under { $theirs } but the app reads under { $entered }.
def-prefix-other-remedy = Change the S3 prefix entered here to "{ $prefix }" (or leave it empty).
def-bucket-pass = It delivers to { $url }, the bucket entered.
def-delivery-waiting = AWS has not delivered it yet: the first files arrive within 24 hours of creating the report.
def-delivery-pass = AWS delivered it{ $when ->
        [none] {""}
       *[other] {" "}(last delivery { $when })
    }.
def-delivery-permissions = AWS could not write the report to s3://{ $bucket }{ $when ->
        [none] {""}
       *[other] {" "}(last delivery { $when })
    }: the bucket policy does not let billingreports.amazonaws.com deliver.
def-delivery-permissions-remedy = Add the delivery statement for billingreports.amazonaws.com to the policy of { $bucket } (shown with the bucket's delivery check), then wait for the next delivery (up to 24 hours).
def-delivery-no-bucket = AWS could not deliver{ $when ->
        [none] {""}
       *[other] {" "}(last delivery { $when })
    }: the bucket { $bucket } does not exist any more.
def-delivery-no-bucket-remedy = Create the bucket { $bucket } in us-east-1 with the delivery policy, or create a legacy CUR export delivering to an existing bucket.
def-delivery-other = AWS reports the delivery status { $status }{ $when ->
        [none] {""}
       *[other] {" "}(last delivery { $when })
    }.
def-delivery-other-remedy = Open the CUR in Data Exports to see what AWS says about it.

## Errors of the core.

error-data-dir-unknown = no data folder could be determined for this user (no home directory is set)
remedy-data-dir-unknown = Set the HOME environment variable (or CHANNELOPS_DATA_DIR) to a folder you can write to, then start the app again.
error-io = could not { $action } { $path }: { $kind ->
        [not-found] it does not exist
        [denied] permission denied
        [exists] it already exists
       *[other] { $detail }
    }
remedy-io-denied = Give your user read and write access to { $path } (or choose another folder), then try again.
remedy-io-not-found = Check that { $path } exists and is spelled correctly.
remedy-io-loop = { $path } is a symbolic link that leads back to itself: choose the file it should point to.
remedy-io-read = Check that { $path } is a file you can read, then try again.
remedy-io-write = Check that { $path } is on a disk with free space that you can write to, then try again.
error-cancelled = the operation was cancelled
remedy-cancelled = Start it again when you are ready.
error-database = the local database failed: { $detail }
remedy-database = Close other copies of the app using the same database and try again; if it persists, restore the database from a backup.
error-schema-too-new = the database { $path } was written by a newer version of ChannelOps (schema { $found }; this version knows up to { $known })
remedy-schema-too-new = Install the newer version of ChannelOps that wrote this database (nothing was changed), or open another database with --db.
error-not-found = { $what } was not found
remedy-not-found = Check the name or ID (list them with the matching `list` command).

## The command line's own words around the messages above.

cli-error = error: { $message }
cli-fix = fix: { $remedy }
cli-source = Source: { $source }
cli-report = Report "{ $name }" ({ $kind }) at { $location } — { $valid ->
        [yes] VALID
       *[no] NOT VALID
    }
cli-periods = billing periods: { $periods } (the latest decides)
cli-seen = seen: { $parts }
cli-seen-file = file { $v }
cli-seen-column = column { $v }
cli-seen-value = value { $v }
cli-no-valid = No valid CUR.
cli-valid = Valid CUR: { $names }
cli-read = Read { $read } of { $total } ({ $pct }%) in { $requests } read(s).
cli-part = part { $part }
cli-next = next: { $next }

## An export of Data Exports (CUR 2.0, FOCUS): not what this app reads.

export-not-legacy = "{ $name }" is { $what ->
        [cur2] a CUR 2.0 export (Data Exports "Standard data export")
        [focus] a FOCUS export
       *[other] a Data Exports export
    }{ $place ->
        [none] {""}
       *[other] {" "}delivering to { $place }
    }, not a legacy CUR.{ $denied ->
        [yes] {" "}AWS also reports it cannot deliver it (INSUFFICIENT_PERMISSION).
       *[no] {""}
    }
export-make-legacy = This app reads legacy CURs only. In the AWS Billing and Cost Management console, open Data Exports → Create, choose "Legacy CUR export", tick "Include resource IDs" and "Split cost allocation data", choose Hourly and Parquet (or gzip CSV), and deliver it to an S3 bucket in us-east-1. The export can stay.

## The bucket entered for the CUR, checked with the user's credentials.

bucket-location-denied = s3:GetBucketLocation on { $bucket } was denied, so its region cannot be checked
bucket-location-denied-remedy = Ask your AWS administrator to allow s3:GetBucketLocation, s3:ListBucket and s3:GetObject on arn:aws:s3:::{ $bucket }.
bucket-list-denied = listing the bucket { $bucket } was denied (s3:ListBucket)
bucket-list-denied-remedy = Ask your AWS administrator to allow s3:ListBucket on arn:aws:s3:::{ $bucket } for your user or role.
bucket-kms-denied = objects in { $bucket } are encrypted with a KMS key your credentials may not use to decrypt
bucket-kms-denied-remedy = Ask the key's owner to allow kms:Decrypt for your user or role in the key policy (or let the CUR bucket use SSE-S3 encryption).
bucket-get-denied = reading objects of { $bucket } was denied (s3:GetObject)
bucket-get-denied-remedy = Ask your AWS administrator to allow s3:GetObject on arn:aws:s3:::{ $bucket }/* for your user or role.

## An optional AWS call that did not answer: the rest is checked without it.

unanswered-denied = { $message }, so this part was not checked
unanswered-denied-remedy = Ask your AWS administrator to allow { $action } for your user or role (or use a profile that has it); everything else is checked without it.
unanswered-endpoint = The endpoint { $url } does not offer { $action } ({ $message }), so this part was not checked
unanswered-endpoint-remedy = Nothing to do here: against AWS itself this is checked too. Everything else is checked without it.
unanswered-other = { $message }, so this part was not checked
unanswered-other-remedy = Try again later (Refresh); everything else is checked without it.

## Whether AWS may deliver the CUR to the bucket: its owner, policy and encryption.

delivery-add-statements = Add these statements to the bucket policy of { $bucket } (S3 console → { $bucket } → Permissions → Bucket policy → Edit), keeping the statements already there.
delivery-no-policy = The bucket { $bucket } has no bucket policy, so AWS cannot deliver the CUR to it ({ $service } is not allowed).
delivery-policy-unreadable = The bucket policy of { $bucket } cannot be read: { $why }.
delivery-policy-denies = The bucket policy of { $bucket } denies { $service } { $actions }.
delivery-policy-denies-remedy = Remove or narrow the Deny statement that matches { $service }, then add the delivery statements below.
delivery-policy-lacks = The bucket policy of { $bucket } does not allow { $service } { $actions } (with aws:SourceAccount { $account } and aws:SourceArn { $arn }), so AWS cannot deliver the CUR.
delivery-policy-undecided = The bucket policy of { $bucket } allows { $service } only under conditions this app cannot evaluate ({ $why }).
delivery-policy-undecided-remedy = If AWS reports ERROR_PERMISSIONS for the CUR, replace those conditions with aws:SourceAccount { $account } and aws:SourceArn { $arn }.
delivery-policy-allows = The bucket policy lets { $service } deliver to { $bucket }.
delivery-sse-s3 = { $bucket } is encrypted with S3-managed keys (SSE-S3), which the vendor's role can read.
delivery-aws-managed-kms = { $bucket } encrypts new objects with the AWS-managed KMS key (aws/s3). Its key policy cannot be changed, so the vendor's role could never decrypt the CUR files.
delivery-aws-managed-kms-remedy = In the S3 console set the default encryption of { $bucket } to SSE-S3 (Amazon S3 managed keys), or to a customer managed KMS key whose key policy lets { $service } use kms:GenerateDataKey and the vendor's role kms:Decrypt.
delivery-customer-kms = { $bucket } encrypts new objects with the customer managed KMS key { $key }.
delivery-customer-kms-remedy = Make sure the key policy lets { $service } use kms:GenerateDataKey and the vendor's role kms:Decrypt; otherwise AWS cannot deliver, or the vendor cannot read.
delivery-owner-pass = { $bucket } belongs to account { $account }.
delivery-owner-foreign = { $bucket } belongs to another AWS account than { $account }; AWS delivers a CUR only to a bucket of the account that creates it.
delivery-owner-foreign-remedy = Create a bucket in us-east-1 in account { $account } and deliver the legacy CUR there.
delivery-policy-read-denied = Reading the bucket policy of { $bucket } was denied (s3:GetBucketPolicy), so whether AWS may deliver there was not checked.
delivery-policy-read-denied-remedy = Ask your AWS administrator to allow s3:GetBucketPolicy on arn:aws:s3:::{ $bucket }, then Refresh.
delivery-encryption-read-denied = Reading the default encryption of { $bucket } was denied (s3:GetEncryptionConfiguration).
delivery-encryption-read-denied-remedy = Ask your AWS administrator to allow s3:GetEncryptionConfiguration on arn:aws:s3:::{ $bucket }, then Refresh.

## The pre-flight: who is signed in, the organization, each permission and how it was decided.

identity-root = the account's root user: AWS advises signing in as an IAM user or role instead
identity-federated = a federated user session has no IAM principal whose policies can be read
identity-sso-role-inferred = an IAM Identity Center role; its path was inferred (iam:GetRole was denied)
identity-role-path-unknown = iam:GetRole was denied, so the role's path is unknown and assumed to be /
org-management = This is the management account of its organization.
org-member = This is a member account; the organization's management account is { $management }. A CUR created here covers only this account's costs: sign in to the management account instead.
org-standalone = This account is not in an organization: it pays its own bill, so its CUR covers all its costs.
org-unknown = Whether this is the management account is unknown: organizations:DescribeOrganization was denied. Make sure you are signed in to the management (payer) account.
pf-remedy = Ask your AWS administrator to allow { $action } (or attach AdministratorAccess) for your user or role, or sign in with a principal that has it.
pf-blocker-account = You are signed in to AWS account { $signed }, but the account entered is { $entered }: pick the profile of account { $entered } (or correct the account ID).
pf-blocker-denied = { $action } is denied (see its row for why and the fix).
pf-blocker-not-verified = { $action } could not be verified (see its row for why).
pf-not-simulable = simulation needs an IAM user or role, not the root user or a federated session
pf-no-identity-policies = the root user and federated sessions have no identity policies to read
pf-allowed-by-policy = allowed by { $policy } (identity policies read and evaluated locally; service control policies and permission boundaries are not seen)
pf-denied-by-policy = explicitly denied by { $policy } (identity policies read and evaluated locally; service control policies and permission boundaries are not seen)
pf-no-policy-allows = no identity policy allows it on { $resource } (identity policies read and evaluated locally; service control policies and permission boundaries are not seen)
pf-policy-undecided = the identity policies could not decide: { $reason }
pf-no-probe = no harmless probe exists for this action
pf-sim-denied-call = iam:SimulatePrincipalPolicy was denied
pf-sim-unavailable = iam:SimulatePrincipalPolicy is unavailable ({ $why })
pf-sim-no-result = the simulation returned no result for { $action }
pf-sim-allowed = the IAM policy simulator allows it{ $by ->
        [none] {""}
       *[other] {" "}(by { $by })
    }
pf-sim-denied-scp = explicitly denied by a service control policy of your organization
pf-sim-denied = explicitly denied{ $by ->
        [none] {""}
       *[other] {" "}by { $by }
    }
pf-sim-not-allowed-scp = not allowed by your organization's service control policies
pf-sim-boundary = not allowed by the permissions boundary
pf-sim-implicit = implicitly denied: no policy allows it
pf-policies-failed = reading your identity policies failed ({ $call }: { $why })
pf-policy-unreadable = the policy { $policy } could not be read: { $why }
pf-probe-template-ok = a GetTemplateSummary of the { $template ->
        [published] published vendor template
       *[shipped] vendor template
    } succeeded
pf-probe-template-denied = a GetTemplateSummary of the { $template ->
        [published] published vendor template
       *[shipped] vendor template
    } was denied
pf-probe-failed = the probe failed: { $why }
pf-probe-getrole-nosuch = iam:GetRole of a role that does not exist answered NoSuchEntity, so the call is allowed
pf-probe-getrole-denied = iam:GetRole of a role that does not exist was denied
pf-probe-getrole-ok = iam:GetRole answered

## Insights: what each one's status is, and what enabling it means.

insight-ta-enabling = The full set of Trusted Advisor checks comes with a Business, Enterprise On-Ramp or Enterprise support plan (AWS replaces these plans with Business Support+ from 2027-01-01). Changing the plan is done by the account's owner in the Support Center.
insight-coh-enabling = Opting in is free; it gathers rightsizing, Savings Plans and idle-resource recommendations. Opt in from the management account to cover every member account.
insight-sh-enabling = Enabling Security Hub in a region starts its security checks there; it is billed per check and finding after a 30-day free trial, and it needs AWS Config recording.
insight-ta-enabled = { $count } Trusted Advisor checks are available to this account.
insight-ta-needs-plan = This account's support plan does not include the Trusted Advisor API (SubscriptionRequiredException): a Business or Enterprise support plan is needed.
insight-denied = { $action } was denied, so the status is unknown.
insight-coh-enabled = This account is opted in to Cost Optimization Hub.
insight-coh-not-enabled = This account is not opted in to Cost Optimization Hub.
insight-sh-enabled = Security Hub is enabled in { $region }{ $since ->
        [none] {""}
       *[other] {" "}(since { $since })
    }.
insight-sh-not-enabled = Security Hub is not enabled in { $region }.

## "Create the CUR for me" and "Create the stack for me": the plan in words.

plan-member-account = This is a member account; the organization's management account is { $management }. A CUR created here covers only this account's costs. Only the management account can create the CUR.
plan-cur-name-taken = A CUR named "{ $name }" already exists in this account: it is never replaced. Choose another report name, or use that CUR (enter its bucket).
plan-cur-names-unread = Existing CUR names could not be read ({ $why }); AWS refuses a duplicate name itself.
plan-create-bucket = Create the S3 bucket { $bucket } in us-east-1 (private, SSE-S3 encryption by default).
plan-new-policy = Give { $bucket } a bucket policy letting { $service } deliver the CUR (the statements below).
plan-bucket-region = The bucket { $bucket } exists in { $region }; a legacy CUR must be delivered to a bucket in us-east-1. Choose another bucket name (it will be created in us-east-1).
plan-bucket-location-denied = s3:GetBucketLocation on { $bucket } was denied, so the bucket cannot be checked. Ask your AWS administrator to allow it, or choose another bucket name.
plan-bucket-foreign = The bucket { $bucket } belongs to another AWS account; AWS delivers a CUR only to a bucket of account { $account }. Choose another bucket name.
plan-bucket-gone = The bucket { $bucket } disappeared while the plan was made. Show the plan again.
plan-policy-read-denied = Reading the bucket policy of { $bucket } was denied (s3:GetBucketPolicy), so the delivery statements cannot be merged into it safely. Ask your AWS administrator to allow s3:GetBucketPolicy and s3:PutBucketPolicy on arn:aws:s3:::{ $bucket }.
plan-keep-policy = Keep the bucket policy of { $bucket }: it already lets { $service } deliver.
plan-policy-denies = The bucket policy of { $bucket } denies { $service } { $actions }. The app never removes a statement: change that statement yourself, then try again.
plan-merge-policy = Add two statements to the bucket policy of { $bucket } letting { $service } deliver; the { $kept } statement(s) already there are kept.
plan-policy-unmergeable = The bucket policy of { $bucket } cannot be merged: { $why }. Add the delivery statements yourself (aws curs shows them).
plan-create-cur = Create the legacy CUR "{ $name }": hourly, with resource IDs and split cost allocation data, { $format ->
        [parquet] Parquet
       *[gzip-csv] gzip CSV
    }, delivered to { $url }.
plan-then-check = Then check the definition and the bucket again; AWS delivers the first files within 24 hours.
stack-plan-unknown-parameter = The template at { $url } asks for the parameter { $key }, which the app does not know: the vendor's template URL setting may point to another template.
stack-plan-failed-exists = A failed stack named { $name } exists ({ $status }). The app never deletes a stack: delete it in the CloudFormation console (us-east-1), then create it again here.
stack-plan-exists = A stack named { $name } already exists ({ $status }); it is never replaced. Follow it with "Check the stack".
stack-plan-create = Create the CloudFormation stack { $name } in { $region } from { $url }, acknowledging { $capabilities }.
stack-plan-resources = It creates: { $resources }.
stack-plan-follow = Then follow it until it is complete (or show the resource that failed).

## Errors of AWS calls and credentials (aws/errors.rs).
aws-err-no-credentials = no AWS credentials were found for the default chain ({ $why })
aws-err-no-credentials-profile = no AWS credentials were found for profile { $profile } ({ $why })
aws-err-credentials-slow = AWS credentials could not be loaded in time: { $detail }
aws-err-config-invalid = your AWS configuration is invalid: { $detail }
aws-err-sso-expired = your AWS SSO session has expired (or you have not signed in yet): { $detail }
aws-err-credentials-expired = your AWS credentials have expired: { $detail }
aws-err-credentials-not-loaded = AWS credentials could not be loaded: { $detail }
aws-err-timed-out = { $action } timed out
aws-err-not-signed = { $action } could not be signed: { $detail }
aws-err-unreachable = AWS could not be reached for { $action }: { $detail }
aws-err-credentials-expired-code = your AWS credentials have expired ({ $code }: { $detail })
aws-err-credentials-refused = AWS did not accept your credentials ({ $code }: { $detail })
aws-err-denied = { $action } was denied ({ $code }: { $detail })
aws-err-throttled = AWS is throttling { $action } ({ $code }) even after retries
aws-err-failed = { $action } failed ({ $code }: { $detail })
aws-err-denied-403 = { $action } was denied (HTTP 403)
aws-err-http-status = { $action } failed: the service answered HTTP { $status } without an error code
aws-err-other = { $action } failed: { $detail }
aws-fix-sso-login = Run `aws sso login --profile { $profile }`, then try again.
aws-fix-refresh-profile = Refresh the credentials of profile { $profile } (for example `aws configure --profile { $profile }`, or re-run the tool that writes them), then try again.
aws-fix-refresh = Refresh your AWS credentials (`aws sso login`, `aws configure`, or new AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN), or pick a profile, then try again.
aws-fix-add-credentials = Add credentials to profile { $profile } with `aws configure --profile { $profile }` (or `aws configure sso --profile { $profile }`), or pick another profile.
aws-fix-pick-profile = Pick a profile (`channelops aws profiles` lists them), run `aws configure` or `aws configure sso`, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
aws-fix-network = Check your network connection (and proxy settings), then try again.
aws-fix-config = Fix the profile in ~/.aws/config (see `aws configure list --profile NAME`), then try again.
aws-fix-allow = Ask your AWS administrator to allow { $action } for your user or role (or use a profile that has it), then try again.
aws-fix-wait = Wait a minute and try again.
aws-fix-check-values = Check the values you entered; if they are right, try again later.
aws-fix-endpoint = Check that the endpoint { $url } is running and reachable, then try again.

## Reading a bucket (aws/s3_source.rs).
s3-err-not-s3-uri = "{ $uri }" is not an s3:// address
s3-fix-s3-uri = Write it as s3://BUCKET or s3://BUCKET/PREFIX.
s3-err-location-denied = s3:GetBucketLocation on { $bucket } was denied, so its region cannot be checked
s3-fix-location-denied = Ask your AWS administrator to allow s3:GetBucketLocation and s3:ListBucket on arn:aws:s3:::{ $bucket }, and s3:GetObject on its objects.
s3-err-list-denied = listing s3://{ $bucket }/{ $prefix } was denied (s3:ListBucket)
s3-fix-list-denied = Ask your AWS administrator to allow s3:ListBucket on arn:aws:s3:::{ $bucket } for your user or role.
s3-err-gone = s3://{ $bucket }/{ $key } disappeared while it was being read
s3-fix-gone = The report may have been re-delivered meanwhile: press Refresh.
s3-err-cut-off = reading s3://{ $bucket }/{ $key } was cut off: { $detail }
s3-fix-cut-off = Check your network connection, then press Refresh.
s3-kms-key-hidden = (key ID not shown)
s3-err-kms-denied = s3://{ $bucket }/{ $key } is encrypted with the KMS key { $kms-key }, which your credentials may not use to decrypt
s3-fix-kms-denied = Ask the key's owner to allow kms:Decrypt for your user or role in the key policy (or let the CUR bucket use SSE-S3 encryption).
s3-err-get-denied = reading s3://{ $bucket }/{ $key } was denied (s3:GetObject)
s3-fix-get-denied = Ask your AWS administrator to allow s3:GetObject on arn:aws:s3:::{ $bucket }/* for your user or role.
aws-err-config-unreadable = the AWS config files could not be read: { $detail }
aws-fix-config-unreadable = Fix the syntax of ~/.aws/config and ~/.aws/credentials (or of the files named by AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).
aws-err-no-profile = the AWS profile "{ $profile }" is not in your AWS config files
aws-fix-create-profile = Create it with `aws configure --profile { $profile }` (or `aws configure sso --profile { $profile }`).
aws-fix-pick-known-profile = Pick one of: { $profiles } — or create it with `aws configure --profile { $profile }`.
aws-err-empty-variable = the environment variable { $var } is set but empty
aws-fix-empty-variable = Unset it (`unset { $var }`) or give it the endpoint's URL, then restart the app.
aws-err-bad-arn = AWS returned a caller ARN that is not understood: { $arn }
aws-fix-bad-arn = Report this to support with the ARN.
aws-err-endless-pages = { $action } kept answering with more pages (over { $max })
bucket-err-missing = the bucket { $bucket } does not exist (or belongs to another partition)
bucket-fix-missing = Check the bucket name (copy it from the S3 console or from the CUR's settings in Data Exports); the CUR bucket must exist in us-east-1.
insight-err-unknown = "{ $name }" is not an insight
insight-fix-unknown = Use trusted_advisor, cost_optimization_hub or security_hub.

## "Create the CUR for me" and "Create the stack for me" refused (aws/create_cur.rs, aws/create_stack.rs).
cur-err-bad-name = "{ $name }" cannot be a CUR report name
cur-fix-bad-name = Use up to 256 letters, digits and ! - _ . * ' ( ) — for example channelops-cur.
cur-err-bad-prefix = "{ $prefix }" cannot be a CUR S3 prefix
cur-fix-bad-prefix = Use up to 256 letters, digits, / and ! - _ . * ' ( ) — for example cur, or leave it empty.
cur-err-refused = the CUR cannot be created: { $why }
plan-fix-review = Review the plan again.
cur-err-plan-changed = the bucket or its policy changed since the plan was shown
cur-fix-plan-changed = Review the new plan (Show the plan again) and confirm it.
cur-err-bucket-taken = that bucket name is taken by another AWS account (bucket names are global)
cur-fix-bucket-taken = Choose another bucket name and show the plan again.
cur-err-incomplete = the CUR definition is incomplete: { $detail }
cur-err-exists = a CUR named "{ $name }" already exists in this account
cur-fix-exists = Choose another report name (the existing CUR is never replaced), or use the existing one.
cur-err-limit = this account has as many CURs as AWS allows
cur-fix-limit = Delete a CUR you no longer use in Data Exports (the app never deletes one), or use an existing one.
cur-err-refused-by-aws = AWS refused the CUR definition: { $detail }
cur-fix-refused-by-aws = Check the report name, prefix and bucket (and that the bucket policy lets billingreports.amazonaws.com deliver), then show the plan again.
stack-err-refused = the stack cannot be created: { $why }
stack-err-plan-changed = the template or its parameters changed since the plan was shown
stack-fix-plan-changed = Review the new plan and confirm it.
stack-err-exists = a stack named { $name } already exists
stack-fix-exists = It is never replaced: follow it with "Check the stack", or delete it in the console first.

## Shared by many errors.
sentences = { $first } { $rest }
sentences-none = (none)
error-internal = an internal step failed: { $detail }
remedy-report = Report this problem.
remedy-later-or-report = Try again later; if it persists, report this problem.
remedy-try-again = Try again.

## Sign-in and rights (auth.rs); the actions a right is checked for.
auth-err-needs-admin = { $action } for { $target } needs an Admin of { $who }; you are { $role ->
    [admin] an Admin
   *[other] a Viewer
  } of { $org }
auth-fix-needs-admin = Ask an Admin of { $who } to do it, or sign in as one.
auth-err-unknown-kind = unknown organization kind "{ $kind }"
auth-fix-unknown-kind = Use distributor, reseller or customer.
auth-err-unknown-role = unknown role "{ $role }"
auth-fix-unknown-role = Use admin or viewer.
auth-err-salt = cannot make a password salt: { $detail }
auth-err-hash = cannot hash the password: { $detail }
auth-err-short-password = the password is too short
auth-fix-short-password = Choose a password of at least { $min } characters.
auth-err-bad-sign-in = the email or password is wrong
auth-fix-bad-sign-in = Check both and try again. A customer Admin who has not activated yet must first import the invitation file (or enter the activation code).
auth-err-not-activated = { $email } has not activated their account yet
auth-fix-not-activated = Activate it first: import the invitation file, or enter the activation code, and choose a password.
act-invite = Inviting a customer Admin
act-export-report = Exporting the onboarding report
act-import-report = Importing an onboarding report
act-assign-contract = Assigning a contract
act-change-contract = Changing a contract
act-add-user = Adding a user
act-add-reseller = Adding a reseller
act-add-customer = Adding a customer
act-edit-customer = Editing a customer
act-record-validation = Recording a validation
act-connect-account = Connecting a cloud account
act-change-account = Changing a cloud account

## Part 3 taken in order (connect.rs).
connect-err-no-bucket = the CUR bucket of AWS account { $account } is not checked yet
connect-fix-bucket-first = Check the bucket first (the wizard's bucket step, or `channelops accounts bucket ACCOUNT BUCKET`).
connect-err-no-stack = the vendor stack of AWS account { $account } is not created yet
connect-fix-no-stack = Create the stack ("Open AWS CloudFormation Console"), wait until it is complete (`channelops accounts stack ACCOUNT`), then list the CURs again.
connect-err-no-valid-cur = no valid CUR of AWS account { $account } has been listed yet
connect-fix-no-valid-cur = List the CUR files in the bucket (Refresh, or `channelops accounts validate ACCOUNT`) and choose a valid one.
connect-err-not-confirmed = AWS account { $account } has no confirmed CUR yet
connect-fix-not-confirmed = Choose a valid CUR in the list and press "Confirm and proceed" first.
connect-err-bucket-unset = no CUR bucket is set for AWS account { $account }
connect-err-store-result = cannot store the result: { $detail }
connect-err-stored-result = the stored validation result cannot be read: { $detail }
connect-fix-stored-result = Refresh the CUR list to validate again.
connect-err-not-validated = the CUR files of AWS account { $account } have not been validated yet
connect-fix-not-validated = List the CUR files in the bucket (Refresh) and choose a valid one.
connect-err-not-selectable = "{ $report }" is not one of the valid CURs of the latest validation
connect-fix-not-selectable = Refresh the list and choose one of the reports marked valid; the others say what to fix.
lines =
    { $first }
    { $rest }

## What people type (onboarding/input.rs), and the fields it names.
input-err-domain = "{ $domain }" is not a domain name
input-fix-domain = Enter the company's domain, e.g. example.com (no http:// and no path).
input-err-email = "{ $email }" is not an email address
input-fix-email = Enter an address like name@example.com.
input-err-name-length = the { $what } is empty or too long
input-fix-name-length = Enter a { $what } of 1 to { $max } characters.
input-err-name-control = the { $what } holds a line break or another control character
input-fix-name-control = Enter the { $what } on one line, as plain text.
input-err-date = the { $what } "{ $date }" is not a date
input-fix-date = Use the form YYYY-MM-DD, e.g. 2026-12-01.
field-company-name = company name
field-contact-name = contact name
field-org-name = organization name
field-plan = plan
field-name = name
field-start-date = start date
field-end-date = end date

## Importing customers from CSV (onboarding/import.rs).
import-err-header = the CSV header cannot be read: { $detail }
import-fix-header = The first line must name the columns.
import-err-columns = the CSV lacks the column(s) { $columns }
import-fix-columns = The first line must be: name,domain,contact_name,contact_email,parent[,complete_later]
import-err-empty = the CSV has no rows
import-fix-empty = Add one customer per line after the header.
import-line-csv = line { $line }: { $detail }
import-line-parent = line { $line }: parent: { $why }
import-line-twice = line { $line }: contact_email { $email } appears twice in the file
import-line = line { $line }: { $why }
import-err-rows =
    { $count } row(s) cannot be imported:
    { $rows }
import-err-rows-more =
    { $count } row(s) cannot be imported:
    { $rows }
    … and { $more } more
import-fix-rows = Nothing was imported. Fix these rows (or remove them) and import the whole file again.

## Settings (settings.rs).
settings-err-value = "{ $value }" is not { $what }
settings-fix-value = Give { $what } for { $key }.
settings-kind-account-id = a 12-digit AWS account ID
settings-kind-sns-arn = an SNS topic ARN
settings-kind-s3-url = an https S3 URL
settings-kind-url = an http(s) URL
settings-err-unknown = "{ $key }" is not a setting
settings-fix-unknown = Known settings: { $keys }.
settings-err-not-home = changing settings needs an Admin of { $home }, this workspace's own organization; you are a user of { $org }
settings-fix-not-home = Ask an Admin of { $home } to change it.
settings-err-viewer = changing settings needs an Admin; you are a Viewer of { $org }
settings-fix-viewer = Ask an Admin of your organization to change it.

## Workspaces and contracts (onboarding/workspace.rs, onboarding/contracts.rs).
ws-err-customer-init = a customer workspace is created by importing an invitation
ws-fix-customer-init = Use `channelops invitation activate FILE`.
ws-err-exists = this database already holds a workspace
ws-fix-exists = Sign in to it, or use another database with --db.
ws-err-email-taken = { $email } already has an account
ws-fix-email-taken = Use another email address.
ws-err-ambiguous = more than one organization is named "{ $name }"
ws-fix-ambiguous = Use its ID instead (see the `list` command).
contract-err-status = unknown contract status "{ $status }"
contract-fix-status = Use draft, active or ended.
contract-err-two-active = { $customer } already has an active contract; a customer has at most one
contract-fix-two-active = End the current contract first (set its status to ended), then activate the new one.
contract-err-dates = the end date is before the start date
contract-fix-dates = Choose an end date on or after the start date, or leave it empty.
contract-err-none = { $customer } has no active contract, so cloud accounts cannot be connected yet
contract-fix-none = An Admin of { $parent } (or of its distributor) must assign a contract to { $customer } first.
contract-its-reseller = its reseller

## Hand-over files: invitations, reports, bundles (handover/).
file-err-not-handover = { $path } is not a ChannelOps hand-over file
file-err-not-handover-format = { $path } is not a ChannelOps hand-over file (its format is "{ $format }")
file-fix-not-handover = Open an invitation, an onboarding report or a diagnostic bundle made by ChannelOps.
file-err-write = cannot write the file: { $detail }
file-err-content = the file's content is not as expected ({ $detail })
file-fix-content = Ask the sender for a fresh copy made with the same version of ChannelOps.
file-err-size = the file is { $size } bytes, more than the { $max } allowed
file-fix-right-file = Check that you chose the right file.
file-err-not-json = this is not a ChannelOps hand-over file ({ $detail })
file-fix-not-json = Check that you chose the right file, and that it was not edited.
file-err-version = this file was made by another version of ChannelOps ({ $kind } version { $version })
file-fix-version = Ask the sender to make it again with this version of ChannelOps.
file-err-kind = this is a "{ $found }" file, not a "{ $wanted }" file
file-fix-kind = Choose the right kind of file.
file-err-tampered = the file's signature does not match its content: it was changed after it was made
file-fix-tampered = Ask the sender for a fresh copy; do not edit hand-over files.
bundle-err-malformed = the diagnostic bundle is malformed: { $why }
bundle-fix-malformed = Ask the customer to export the bundle again.
bundle-why-log = the log it carries is larger than allowed
bundle-why-entries = more than { $max } entries (the limit)
bundle-why-key = unsafe object key "{ $key }"
bundle-why-unknown = bytes for unknown object "{ $key }"
bundle-why-base64 = bytes of "{ $key }" are not base64 ({ $detail })
bundle-why-outside = bytes of "{ $key }" lie outside the object
bundle-err-log = the log is larger than a bundle may carry
bundle-fix-log = Export the bundle without the log.
bundle-err-bytes = the diagnostic bundle does not hold bytes { $start }–{ $end } of { $key }
bundle-fix-bytes = The bundle holds only what the original verdict read; validate it without --deep, or ask for a copy of the file.
inv-err-expired = this invitation has expired
inv-fix-expired = Ask { $reseller } to send a new invitation (Customers → the customer → Invite).
inv-err-used = this invitation has already been used
inv-fix-used = Sign in with the password chosen at activation, or ask { $reseller } for a new invitation.
inv-your-reseller = your reseller
inv-err-code = the activation code does not match this invitation
inv-fix-code = Type the code exactly as in the welcome message (dashes and case do not matter).
inv-err-content = the invitation holds an invalid name or address ({ $why })
inv-fix-content = Ask your reseller for a new invitation.
inv-err-key = this invitation is not signed by the key { $reseller } signed earlier invitations with
inv-fix-key = Check with { $reseller } that they sent it (compare the key fingerprint { $fingerprint }).
inv-err-code-email = this activation code is not valid for this email address
inv-fix-code-email = Type the code exactly as in the welcome message, or import the invitation file.
inv-err-db-taken = this database already holds the workspace of { $home }
inv-fix-db-taken = Activate the invitation in a new database (choose another --db), or on the customer's own machine.
report-err-account-id = the report holds an invalid AWS account ID
report-fix-fresh = Ask the customer for a fresh report.
report-err-state = the report holds an unknown account state
report-fix-version = Ask the customer for a fresh report made with the same version of ChannelOps.
report-err-key-taken = this report's key already belongs to another organization
report-fix-key-taken = Ask the customer for a report made in their own workspace.
report-err-customer = this report is for { $customer }, who is not a customer in this workspace
report-fix-customer = Import it in the workspace that invited this customer.
report-err-other-key = this report is signed by a different workspace than earlier reports from { $customer } (key { $fingerprint })
report-fix-other-key = Check with the customer that it comes from their machine. If they set the app up again, send them a new invitation: once they activate it, their reports prove the new key.
report-err-unproven = this report does not prove that it comes from the workspace that activated { $customer }'s invitation (key { $fingerprint })
report-fix-unproven = Ask the customer for a report exported from the workspace they activated with the invitation's code; if they set up the app again, send them a new invitation.

## Sources of CUR files, links, ids, the workspace key, bounded reads.
source-err-not-folder = { $path } is not a folder
source-fix-not-folder = Give a folder that mirrors the bucket's keys, or a single CUR data file.
source-err-key = invalid object key "{ $key }"
source-fix-key = Object keys must be relative paths without '..'.
source-err-too-many = { $place } holds more than { $max } files (the limit)
source-fix-too-many = Validate the report's own prefix (the bucket path down to the report name), not the whole bucket.
source-err-not-file = { $path } is not a regular file
source-fix-not-file = Give a CUR data file (.csv, .csv.gz, .csv.zip, .parquet) or a folder.
parquet-err-stopped = a read of the Parquet file stopped unexpectedly
parquet-fix-stopped = Validate again.
cfn-err-template-url = the template URL is not an S3 URL
cfn-fix-template-url = Quick-create links need the template in S3 (https://BUCKET.s3.REGION.amazonaws.com/KEY).
cfn-err-link-long = the console link is too long
cfn-fix-link-long = Shorten the template URL or parameter values.
cfn-err-not-console = refused to open "{ $url }": only https links to the AWS console are opened
cfn-fix-not-console = Open the AWS console yourself and go to CloudFormation → Create stack.
cfn-err-not-mail = refused to open "{ $url }": not a mail link the app makes
cfn-fix-not-mail = Copy the welcome message and send it from your mail app yourself.
ids-err-account = "{ $id }" is not an AWS account ID
ids-fix-account = An AWS account ID is 12 digits, e.g. 111122223333 (shown in the AWS console's account menu).
ids-err-bucket = "{ $bucket }" is not a valid S3 bucket name
ids-fix-bucket = Bucket names have 3 to 63 characters: lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. Enter the name only (not s3:// or a URL); copy it from the S3 console.
ids-err-stack = "{ $name }" is not a valid stack name
ids-fix-stack = A stack name starts with a letter and has only letters, digits and hyphens (at most 128).
key-err-readable = the workspace key { $path } can be read by other users of this computer
key-fix-readable = Make it readable by you alone (chmod 600 { $path }), then try again.
key-err-damaged = the workspace key { $path } is damaged
key-fix-damaged = Restore it from a backup; files signed with a new key will not be trusted by workspaces that trust the old one.
files-err-large = { $path } is { $size } bytes or more, larger than any { $what } ({ $max } bytes at most)
files-err-not-file = { $path } is not a regular file
files-fix-not-file = Choose the { $what } itself, not a folder or a device.
files-kind-preferences = preferences file
files-kind-handover = hand-over file
files-kind-csv = customer CSV
auth-err-signed-out = you are not signed in
auth-fix-signed-out = Sign in with your email and password (CLI: --user EMAIL, the password from CHANNELOPS_PASSWORD or a prompt).
bundle-err-nothing = there is no validation to export yet
bundle-fix-nothing = Run a validation first; its diagnostic bundle can then be saved.
customers-err-not-reseller = { $name } is a { $kind }, not a reseller
customers-fix-not-reseller = Choose the reseller the customer belongs to as its parent.
customers-fix-email-taken = Use another email address for the customer's Admin.
audit-err-viewer = the audit log is for Admins; you are a Viewer of { $org }
audit-fix-viewer = Ask an Admin of your organization for it.
audit-err-not-home = the audit log is for the Admins of { $home }, this workspace's own organization
audit-fix-not-home = Ask your reseller for what you need from it.
accounts-err-state = unknown account state "{ $state }"
accounts-fix-state = See `channelops accounts --help`.

## The adapters' own errors (CLI, test bridge).
cli-err-needs-user = this command needs a signed-in user
cli-fix-needs-user = Add --user EMAIL (or set CHANNELOPS_USER); the password comes from CHANNELOPS_PASSWORD or a prompt.
cli-what-password = a password
cli-fix-password = Set CHANNELOPS_PASSWORD, or run the command in a terminal.
cli-what-code = the activation code
cli-fix-code = Give it with --code (or CHANNELOPS_CODE), exactly as in the welcome message.
cli-err-no-terminal = { $what } is needed and there is no terminal to ask for it
cli-err-json = could not format the result as JSON: { $detail }
cli-fix-json = Run the command again without --json and report this problem.
cli-err-plan-no-terminal = the plan needs your confirmation and there is no terminal to ask
cli-fix-plan-no-terminal = Read the plan (--dry-run), then run again with --yes.
cli-err-plan-declined = nothing was changed: the plan was not confirmed
cli-fix-plan-declined = Run again and answer y (or pass --yes).
bridge-err-arguments = the arguments of { $command } do not fit: { $detail }
bridge-fix-arguments = Call it through the generated bindings.

## What was not found (error-not-found's { $what }).
nf-customer = customer { $id }
nf-admin-of = the Admin of { $customer }
nf-user = user { $id }
nf-org = organization { $id }
nf-contract = contract { $id }
nf-account = cloud account { $id }
nf-named = { $kind ->
    [distributor] distributor
    [reseller] reseller
    [customer] customer
   *[other] organization
  } "{ $name }"
either = { $first } or { $rest }
auth-org-of-kind = { $name } ({ $kind ->
    [distributor] distributor
    [reseller] reseller
   *[customer] customer
  })

## Reading IAM and bucket policies (aws/policy.rs, aws/delivery.rs).
policy-err-json = the policy document is not JSON: { $detail }
policy-err-not-object = the bucket policy is not a JSON object
policy-err-statement-shape = the bucket policy's Statement is neither a list nor an object
policy-err-no-statement = the policy document has no Statement
policy-err-effect = a statement has Effect "{ $effect }"
policy-err-size = it is { $size } bytes, more than AWS allows
policy-undecided-deny = { $policy } denies it under conditions that cannot be evaluated here
policy-undecided-allow = { $policy } allows it only under conditions that cannot be evaluated here
policy-undecided-action = { $action }: { $reason }

## Why a CUR file or manifest could not be read (cur/: the decoders' guards).
decode-thrift-short = the Thrift structure ends early
decode-thrift-varint = a Thrift integer is longer than ten bytes
decode-thrift-list = a list in the Parquet metadata claims { $size } entries, more than the { $max } allowed (the limit)
decode-thrift-field = a Thrift field has an unexpected type
decode-thrift-field-id = a Thrift field id is out of range
decode-thrift-depth = the Parquet metadata nests deeper than { $max } levels (the limit)
decode-thrift-map = a map in the Parquet metadata is too large
decode-thrift-type = unknown Thrift type { $kind }
decode-parquet-row-groups = the Parquet row groups are malformed
decode-parquet-chunks = the Parquet file claims more than { $max } column chunks (the limit)
decode-parquet-schema-size = the Parquet schema has { $n } elements, more than the { $max } allowed (the limit)
decode-parquet-schema = the Parquet schema is malformed
decode-parquet-schema-tree = the Parquet schema has elements outside its tree
decode-parquet-children = a Parquet schema element claims { $children } children, but { $after } elements follow
decode-parquet-schema-depth = the Parquet schema nests deeper than { $max } levels (the limit)
decode-parquet-page-size = a Parquet page claims { $size } bytes, beyond the { $max } a page may have (the limit)
decode-parquet-footer-size = the Parquet footer claims { $size } bytes, more than the { $max } a footer may have (the limit)
decode-parquet-footer = the Parquet footer is refused: { $why }
decode-parquet = not a readable Parquet file ({ $detail })
decode-parquet-projection = the Parquet schema cannot be projected ({ $detail })
decode-parquet-data = the Parquet data cannot be read ({ $detail })
decode-row-group = row group { $group } cannot be read ({ $detail })
decode-column = column { $column } in row group { $group } cannot be read ({ $detail })
decode-page = a page of column { $column } in row group { $group } is damaged ({ $detail })
decode-manifest-size = it is { $size } bytes, more than the { $max } a manifest may have (the limit)
decode-not-json = not valid JSON ({ $detail })
decode-not-object = not a JSON object
decode-manifest-content = unexpected content ({ $detail })
decode-empty = the file is empty (0 bytes)
decode-zip-empty = the ZIP archive holds no file
decode-zip = not a readable ZIP archive ({ $detail })
decode-not-cur = not a CUR data file
decode-panic = the file could not be decoded ({ $detail })
decode-unreadable = the file cannot be read ({ $detail })
decode-wrong-magic = the file is not { $kind } data although its name says so
decode-csv-header = the CSV header cannot be read ({ $detail })
decode-csv-columns = the CSV header has { $n } columns, more than the { $max } a CUR can have (the limit)
decode-csv-no-header = the file has no CSV header
decode-csv-row = row { $row } cannot be read ({ $detail })
decode-cancelled = cancelled

## The command line's reports of what it did.
cli-added-customer = Added customer { $id } under { $parent }.
cli-activation-code = Activation code for { $email } (shown once, valid until { $until }): { $code }
cli-invitation-file = Invitation file: { $path }
cli-send-mail = Send it by email: { $mailto }
cli-updated = Updated { $name }.
cli-imported = Imported { $count } customers. Issue their invitations with `channelops invitation issue`.
cli-added-contract = Added contract { $id } ({ $plan }, { $status }).
cli-contract-status = Contract { $id } is now { $status }.
cli-activated-sign-in = Activated { $email } for { $org }. Sign in with --user { $email }.
cli-invitation-signer = The invitation was signed by { $reseller }'s key { $key }: it is now the only key trusted for { $reseller }.
cli-activated = Activated { $email } for { $org }.
cli-report-file = Onboarding report: { $path }
cli-report-imported = Updated the onboarding progress of { $customer }.
cli-report-pinned = Signed by { $customer }'s workspace key { $key } (proven with the invitation code): now the only key trusted for { $customer }.
cli-report-trusted = Signed by { $customer }'s trusted key { $key }.
cli-added-user = Added { $email } ({ $role }).
cli-added-reseller = Added reseller { $name } ({ $id }).
cli-setting-set = { $key } set.
cli-added-account = Added AWS account { $account } ({ $id }); external ID { $external-id }.
cli-account-state = AWS account { $account } is now { $state }.
cli-account-confirmed = AWS account { $account } is now { $state } with the CUR { $report }.
cli-awaiting-delivery = Waiting for AWS's first delivery of "{ $report }" (definition found { $since }): nobody needs to act; AWS delivers within 24 hours. Run this again then.
cli-no-profiles = No profiles: create one with `aws configure` or `aws configure sso`.
cli-apply-plan = Apply this plan? [y/N]

## The vendor stack: what to do next (aws/stack.rs).
stack-next-create = In the AWS console, tick "I acknowledge that AWS CloudFormation might create IAM resources with custom names" and press "Create stack".
stack-next-failed = Fix the cause shown, delete the failed stack in the CloudFormation console, then create it again ("Create the stack for me", or the console link).
stack-next-no-role-output = The stack has no RoleArn output: it was not created from the vendor template. Delete it and use the console link.
stack-next-role-missing = The role the stack reports does not exist: delete the stack and create it again.
stack-next-done = The access role is in place: continue with the CUR validation.
stack-next-wait = CloudFormation is creating the resources; this usually takes a minute or two.
cli-not-checked = not checked: { $problem }
cli-overview = AWS account { $account } — asked { $at }
cli-overview-bucket = AWS account { $account } — asked { $at }, for the bucket { $bucket }
cli-definitions = Legacy CUR definitions (cur:DescribeReportDefinitions):
cli-no-definitions = none: create a legacy CUR export in Data Exports (see `channelops aws curs --help`).
cli-def-other-bucket = ANOTHER BUCKET
cli-def-wrong = DEFINITION WRONG
cli-def-delivery-failed = RIGHT — DELIVERY FAILED
cli-def-delivered = RIGHT — DELIVERED
cli-def-waiting = RIGHT — WAITING FOR THE FIRST DELIVERY (within 24 hours)
cli-def-right = RIGHT
cli-exports = Data Exports (bcm-data-exports:ListExports):
cli-none = none
cli-bucket-ready = Bucket { $bucket } ready for delivery: { $ready ->
    [yes] yes
   *[no] NO
  }
cli-statements-to-add = statements to add:
cli-plan = Plan (nothing is changed before you confirm):
cli-policy-after = The bucket policy after the change:
cli-cannot-run = cannot run: { $why }
cli-parameters = Parameters:
cli-capabilities = Capabilities { $capabilities }: { $why }
cli-applied = { $action } { $target } (request { $request })
cli-nothing-undone = (the changes above stay made; nothing was undone)
cli-signed-in-as = Signed in as { $arn } (account { $account })
cli-principal = IAM principal: { $arn }
cli-note = note: { $note }
cli-account-entered = Account entered: { $matches ->
    [yes] matches
   *[no] DOES NOT MATCH
  }
cli-organization = Organization: { $detail }
cli-org-role = ({ $role ->
    [management] management account
    [member] member account
    [standalone] standalone account
   *[unknown] unknown
  })
cli-permissions = Permissions:
cli-earlier = earlier: { $what }
cli-ready-yes = Ready: yes — you can create the stack.
cli-ready-no = Ready: no
cli-stack-not-created = not created yet
cli-stack-reason = reason: { $reason }
cli-stack-failed = failed: { $id } ({ $kind }): { $reason }
cli-stack-role = role:   { $arn } { $verified ->
    [yes] (exists)
    [no] (MISSING)
   *[unknown] (not checked: iam:GetRole denied)
  }
cli-stack-next = next:   { $next }
cli-ask-code = Activation code (from the welcome message):
cli-ask-new-password = Choose your password:
cli-ask-password = Password for { $email }:
cli-ask-admin-password = Choose a password for { $email }:
cli-ask-user-password = Password for the new user { $email }:
cli-decision = { $decision ->
    [allowed] allowed
    [denied] DENIED
   *[not_verified] not verified
  }
cli-reading = reading files { $done }/{ $total } ({ $read } read)
cli-data-folder = data folder: { $path }{ $writable ->
    [yes] {""}
   *[no] {" "}(not writable!)
  }
