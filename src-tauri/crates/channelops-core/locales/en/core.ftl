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

## A sentence not in the catalog yet (errors still worded in the code).

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
