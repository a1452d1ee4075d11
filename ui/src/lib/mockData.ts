// Canned answers of the mock backend, shaped by the generated types: a ready and
// a not-ready pre-flight, and a validation with one valid and one invalid CUR.
import type { Check, Insight, PermissionCheck, Preflight, ValidationResult } from './bindings';
import { RULES } from './bindings';

const ACTIONS = RULES.required_actions;


const identity = {
  account: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123/ann',
  principal_arn: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123',
  principal_kind: 'role' as const,
  note: null,
};

const organization = {
  role: 'management' as const,
  management_account_id: '111122223333',
  detail: 'This is the management account of its organization.',
};

const allowed = (action: string): PermissionCheck => ({
  action,
  decision: 'allowed',
  source: 'simulation',
  detail: 'the IAM policy simulator allows it (by AdministratorAccess)',
  remedy: null,
});

export const PREFLIGHT_ALLOWED: Preflight = {
  identity,
  account_matches: true,
  management_account: true,
  organization,
  permissions: ACTIONS.map(allowed),
  ready: true,
  blockers: [],
};

const readOnly = (action: string): PermissionCheck =>
  action.includes(':Get')
    ? { ...allowed(action), source: 'identity_policies', detail: 'allowed by ReadOnlyAccess (identity policies read and evaluated locally; service control policies and permission boundaries are not seen)' }
    : action === 'sns:Publish'
      ? { action, decision: 'not_verified', source: 'none', detail: 'iam:SimulatePrincipalPolicy was denied; no harmless probe exists for this action', remedy: `Ask your AWS administrator to allow ${action} (or attach AdministratorAccess) for your user or role.` }
      : { action, decision: 'denied', source: 'identity_policies', detail: 'no identity policy allows it', remedy: `Ask your AWS administrator to allow ${action} (or attach AdministratorAccess) for your user or role.` };

export const PREFLIGHT_DENIED: Preflight = {
  identity: { ...identity, arn: 'arn:aws:iam::111122223333:user/reader', principal_arn: 'arn:aws:iam::111122223333:user/reader', principal_kind: 'user' },
  account_matches: true,
  management_account: true,
  organization,
  permissions: ACTIONS.map(readOnly),
  ready: false,
  blockers: ['iam:CreatePolicy is denied: no identity policy allows it'],
};

const pass = (id: Check['id'], message: string): Check => ({ id, status: 'pass', message, remedy: null, evidence: null });

export const VALIDATION_RESULT: ValidationResult = {
  source: '',
  reports: [
    {
      name: 'hourly-cur',
      location: 'cur/hourly-cur',
      kind: 'legacy_csv',
      valid: true,
      billing_periods: ['2026-10', '2026-11'],
      checks: [
        pass('legacy_cur', 'A legacy Cost and Usage Report.'),
        pass('format', 'gzip-compressed CSV.'),
        pass('resource_ids', 'Resource IDs are included.'),
        pass('split_cost_allocation', 'Split cost allocation data is included.'),
        pass('hourly', 'Hourly granularity (identity/TimeInterval spans one hour).'),
        pass('readable', 'Every file the manifest names is there and readable.'),
        pass('payer_account', 'The payer account is 111122223333.'),
        pass('freshness', 'Data is delivered: the latest billing period is 2026-11.'),
        pass('bucket_region', 'The bucket is in us-east-1.'),
      ],
    },
    {
      name: 'no-rid',
      location: 'p/no-rid',
      kind: 'legacy_csv',
      valid: false,
      billing_periods: ['2026-11'],
      checks: [
        pass('legacy_cur', 'A legacy Cost and Usage Report.'),
        {
          id: 'resource_ids',
          status: 'fail',
          message: 'The report was created without resource IDs.',
          remedy: 'In Data Exports, create a new legacy CUR with "Include resource IDs" ticked (this cannot be changed for past data).',
          evidence: { key: 'p/no-rid/20261101-20261201/no-rid-1.csv.gz', column: 'lineItem/ResourceId', value: null },
        },
        pass('hourly', 'Hourly granularity (identity/TimeInterval spans one hour).'),
      ],
    },
  ],
  selectable: ['hourly-cur'],
  choose_one: null,
  note: null,
  bytes_read: 1_290_000,
  bytes_total: 254_000_000,
};

export const INSIGHTS: Insight[] = [
  {
    kind: 'trusted_advisor',
    name: 'AWS Trusted Advisor',
    state: 'needs_support_plan',
    detail: 'The full Trusted Advisor checks need a Business or Enterprise support plan (SubscriptionRequiredException).',
    enabling: 'The full set of Trusted Advisor checks comes with a Business, Enterprise On-Ramp or Enterprise support plan.',
    console_url: 'https://us-east-1.console.aws.amazon.com/trustedadvisor/home?region=us-east-1#/dashboard',
    region: 'us-east-1',
  },
  {
    kind: 'cost_optimization_hub',
    name: 'Cost Optimization Hub',
    state: 'enabled',
    detail: 'Opted in (member accounts included).',
    enabling: 'Opting in is free; it gathers rightsizing, Savings Plans and idle-resource recommendations.',
    console_url: 'https://us-east-1.console.aws.amazon.com/costmanagement/home?region=us-east-1#/cost-optimization-hub',
    region: 'us-east-1',
  },
  {
    kind: 'security_hub',
    name: 'AWS Security Hub',
    state: 'not_enabled',
    detail: 'Security Hub is not enabled in us-east-1 (InvalidAccessException).',
    enabling: 'Enabling Security Hub in a region starts its security checks there; it is billed per check and finding after a 30-day free trial.',
    console_url: 'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1',
    region: 'us-east-1',
  },
];
