// In-memory Backend for browser tests and UI work without the Rust side.
// It returns data of exactly the generated types, so type-checking keeps it in
// step with the Rust commands. Its rules are deliberately few: what the screens
// need to show every state (errors with remedies included).
import type {
  Actor,
  AddedCustomerView,
  AppInfo,
  BucketStep,
  CloudAccount,
  Contract,
  CurListing,
  ExportedInvitation,
  Insight,
  InsightKind,
  StackProgress,
  StackStep,
  CustomerProgress,
  IpcError,
  Language,
  NewContractInput,
  NewCustomer,
  NewWorkspaceInput,
  Org,
  Preflight,
  ProfileInfo,
  Result,
  ValidationProgress,
  ValidationResult,
  WorkspaceStatus,
} from './bindings';
import type { Backend } from './backend';
import { RULES } from './bindings';
import { INSIGHTS, PREFLIGHT_ALLOWED, PREFLIGHT_DENIED, VALIDATION_RESULT } from './mockData';

export interface MockOptions {
  appInfo?: Partial<AppInfo>;
  /** Make `appInfo` fail with this error (to exercise error display). */
  appInfoError?: IpcError;
  /** Start with a workspace, a signed-in Admin and two customers (`?mock=demo`). */
  demo?: boolean;
  /** Start as the signed-in Admin of a customer with a contract (`?mock=customer`). */
  customer?: boolean;
  /** What the native open/save dialogs answer (`null`: the user cancelled). */
  picked?: string | null;
}

const ok = <T>(data: T): Result<T, IpcError> => ({ status: 'ok', data });
const fail = <T>(code: IpcError['code'], message: string, remedy: string): Result<T, IpcError> => ({
  status: 'error',
  error: { code, message, remedy },
});

interface MockCustomer {
  org: Org;
  contract: Contract | null;
  activated?: boolean;
}

// The mock's stand-in for the app's data folder, so a reload keeps the language as the app does.
const MOCK_LANGUAGE_KEY = 'channelops.mock.language';
function mockSavedLanguage(): Language | null {
  try {
    const saved = globalThis.localStorage?.getItem(MOCK_LANGUAGE_KEY);
    return saved === 'en' || saved === 'ja' ? saved : null;
  } catch {
    return null;
  }
}
function saveMockLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(MOCK_LANGUAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

export function createMockBackend(options: MockOptions = {}): Backend {
  const info: AppInfo = {
    product: 'ChannelOps Onboarding',
    version: '0.0.0-mock',
    data_dir: '/mock/data',
    data_dir_writable: true,
    language: mockSavedLanguage(),
    ...options.appInfo,
  };
  let workspace: { name: string; kind: Org['kind']; admin: Actor; password: string } | null = null;
  let user: Actor | null = null;
  const resellers: Org[] = [];
  const customers: MockCustomer[] = [];
  let cancelled = false;
  let stackStopped = false;
  const listeners = new Set<(p: ValidationProgress) => void>();
  const stackListeners = new Set<(p: StackProgress) => void>();
  const accounts: CloudAccount[] = [];
  let lastValidation: ValidationResult | null = null;
  /** Links handed to the system browser or mail app (tests read them). */
  const opened: string[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const ORDER: readonly CloudAccount['state'][] = RULES.account_states;
  const advance = (a: CloudAccount, to: CloudAccount['state']) => {
    if (ORDER.indexOf(to) > ORDER.indexOf(a.state)) a.state = to;
  };
  const noAccount = <T>(id: string) => fail<T>('not_found', `cloud account ${id} was not found`, 'Start again from the account step.');
  const noBucket = <T>() => fail<T>('invalid_input', 'no CUR bucket is set for this AWS account', 'Check the bucket first (the bucket step).');

  const org = (kind: Org['kind'], name: string, domain: string, parent: Org | null): Org => ({
    id: `${kind}-${name.toLowerCase().replace(/\W+/g, '-')}`,
    kind,
    name,
    domain,
    parent_id: parent?.id ?? null,
    parent_name: parent?.name ?? null,
    contact_name: null,
    contact_email: null,
    pending: false,
  });

  function seed() {
    const admin: Actor = {
      user_id: 'u-1',
      email: 'dana@dist.example',
      name: 'Dana',
      role: 'admin',
      org_id: 'distributor-dist-co',
      org_name: 'Dist Co',
      org_kind: 'distributor',
    };
    workspace = { name: 'Dist Co', kind: 'distributor', admin, password: 'correct horse battery' };
    user = admin;
    const home = org('distributor', 'Dist Co', 'dist.example', null);
    resellers.push(org('reseller', 'Resell One', 'r1.example', home), org('reseller', 'Resell Two', 'r2.example', home));
    const acme = org('customer', 'Acme', 'acme.example', resellers[0]);
    const globex = org('customer', 'Globex', 'globex.example', resellers[1]);
    customers.push(
      { org: acme, contract: null },
      {
        org: globex,
        contract: { id: 'c-1', customer_id: globex.id, start_date: '2026-12-01', end_date: null, plan: 'Standard', notes: '', status: 'active' },
      },
    );
  }
  if (options.demo) seed();

  function seedCustomer() {
    const reseller = org('reseller', 'Resell One', 'r1.example', null);
    const acme = { ...org('customer', 'Acme', 'acme.example', reseller), contact_name: 'Ann', contact_email: 'ann@acme.example' };
    const ann: Actor = { user_id: 'u-ann', email: 'ann@acme.example', name: 'Ann', role: 'admin', org_id: acme.id, org_name: 'Acme', org_kind: 'customer' };
    workspace = { name: 'Acme', kind: 'customer', admin: ann, password: 'correct horse battery' };
    user = ann;
    customers.push({
      org: acme,
      contract: { id: 'c-acme', customer_id: acme.id, start_date: '2026-11-01', end_date: null, plan: 'Standard', notes: '', status: 'active' },
      activated: true,
    });
  }
  if (options.customer) seedCustomer();

  function progressOf(c: MockCustomer): CustomerProgress {
    const base = { customer_id: c.org.id, customer: c.org.name, parent: c.org.parent_name ?? '', health: 'not_available' as const };
    if (!c.contract) {
      return {
        ...base,
        part: 2,
        step: 'contract',
        percent: 20,
        blocker: 'No active contract: the customer cannot connect cloud accounts.',
        who_must_act: `An Admin of ${c.org.parent_name}`,
        next_action: 'Assign contract',
      };
    }
    const account = accounts.find((a) => a.customer_id === c.org.id);
    if (account?.state === 'completed') {
      return { ...base, part: 4, step: 'done', percent: 100, blocker: null, who_must_act: '', next_action: 'Nothing to do', health: 'valid' };
    }
    if (c.activated || account) {
      return {
        ...base,
        part: 3,
        step: account ? 'bucket' : 'account',
        percent: account ? 55 : 45,
        blocker: null,
        who_must_act: `Admin of ${c.org.name} (${c.org.contact_email ?? ''})`,
        next_action: 'Connect your AWS Management Account',
      };
    }
    return {
      ...base,
      part: 3,
      step: 'activate',
      percent: 40,
      blocker: null,
      who_must_act: `The customer's Admin (${c.org.contact_email ?? 'not yet invited'})`,
      next_action: 'Activate the invitation',
    };
  }

  const needUser = <T>(): Result<T, IpcError> | null =>
    user ? null : fail('not_signed_in', 'you are not signed in', 'Sign in with your email and password.');

  const backend: Backend = {
    async appInfo() {
      if (options.appInfoError) return { status: 'error', error: options.appInfoError };
      return ok({ ...info });
    },
    async setLanguage(language: Language): Promise<Result<null, IpcError>> {
      info.language = language;
      saveMockLanguage(language);
      return ok(null);
    },
    async workspaceStatus(): Promise<Result<WorkspaceStatus, IpcError>> {
      return ok({ initialized: workspace !== null, workspace: workspace?.name ?? null, user });
    },
    async initWorkspace(input: NewWorkspaceInput): Promise<Result<Actor, IpcError>> {
      if (workspace) return fail('conflict', 'this database already holds a workspace', 'Sign in to it.');
      if (input.password.length < 12)
        return fail('invalid_input', 'the password is too short (12 characters at least)', 'Choose a longer password, such as a few unrelated words.');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.admin_email))
        return fail('invalid_input', `${input.admin_email} is not an email address`, 'Write it as name@company.example.');
      const admin: Actor = {
        user_id: 'u-1',
        email: input.admin_email,
        name: input.admin_name,
        role: 'admin',
        org_id: `${input.kind}-home`,
        org_name: input.name,
        org_kind: input.kind,
      };
      workspace = { name: input.name, kind: input.kind, admin, password: input.password };
      if (input.kind === 'reseller') resellers.push({ ...org('reseller', input.name, input.domain, null), id: admin.org_id });
      user = admin;
      return ok(admin);
    },
    async signIn(email: string, password: string): Promise<Result<Actor, IpcError>> {
      if (!workspace || email.trim().toLowerCase() !== workspace.admin.email || password !== workspace.password)
        return fail('not_signed_in', 'the email or password is wrong', 'Check both and try again; an Admin of your organization can reset your password.');
      user = workspace.admin;
      return ok(user);
    },
    async signOut(): Promise<Result<null, IpcError>> {
      user = null;
      return ok(null);
    },
    async customerProgress(): Promise<Result<CustomerProgress[], IpcError>> {
      return needUser() ?? ok(customers.map(progressOf));
    },
    async customerParents(): Promise<Result<Org[], IpcError>> {
      return needUser() ?? ok([...resellers]);
    },
    async addCustomer(input: NewCustomer): Promise<Result<AddedCustomerView, IpcError>> {
      const denied = needUser<AddedCustomerView>();
      if (denied) return denied;
      const parent = resellers.find((r) => r.id === input.parent_id);
      if (!parent) return fail('invalid_input', 'choose the reseller the customer belongs to', 'Pick the parent reseller in the list.');
      if (customers.some((c) => c.org.name.toLowerCase() === input.name.trim().toLowerCase()))
        return fail('conflict', `a customer named ${input.name} already exists`, 'Use another name, or open the existing customer.');
      const c = { ...org('customer', input.name.trim(), input.domain.trim(), parent), contact_name: input.contact_name, contact_email: input.contact_email, pending: input.complete_later };
      customers.push({ org: c, contract: null });
      return ok({ customer_id: c.id, email: input.contact_email, code: 'K7QF3-M2XPA-9TRWD-4HZNB-E6Y', expires_at: '2026-12-10T12:00:00Z' });
    },
    async addContract(input: NewContractInput): Promise<Result<Contract, IpcError>> {
      const denied = needUser<Contract>();
      if (denied) return denied;
      const c = customers.find((x) => x.org.id === input.customer_id);
      if (!c) return fail('not_found', `customer ${input.customer_id} was not found`, 'Check the name or ID.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.start_date)) return fail('invalid_input', 'the start date is not a date', 'Pick a date.');
      if (!input.plan.trim()) return fail('invalid_input', 'the plan is empty', 'Name the plan of the contract.');
      if (c.contract) return fail('conflict', `${c.org.name} already has an active contract; a customer has at most one`, 'End the current contract first.');
      c.contract = { id: `c-${customers.indexOf(c)}`, customer_id: c.org.id, start_date: input.start_date, end_date: input.end_date, plan: input.plan, notes: input.notes, status: 'active' };
      return ok(c.contract);
    },
    async awsProfiles(): Promise<Result<ProfileInfo[], IpcError>> {
      return ok([
        { name: 'default', region: 'us-east-1', sso: false, assumes_role: false, endpoint_url: null, is_default: true },
        { name: 'acme-admin', region: 'us-east-1', sso: true, assumes_role: false, endpoint_url: null, is_default: false },
        { name: 'acme-readonly', region: 'us-east-1', sso: false, assumes_role: false, endpoint_url: null, is_default: false },
      ]);
    },
    async awsPreflight(profile: string | null, accountId: string): Promise<Result<Preflight, IpcError>> {
      if (!/^\d{12}$/.test(accountId.replace(/-/g, '')))
        return fail('invalid_input', `${accountId} is not an AWS account ID`, 'An AWS account ID is 12 digits, e.g. 111122223333.');
      if (profile === 'acme-admin')
        return fail('aws_credentials', 'your AWS SSO session has expired (or you have not signed in yet)', 'Run `aws sso login --profile acme-admin`, then try again.');
      const base = profile === 'acme-readonly' ? PREFLIGHT_DENIED : PREFLIGHT_ALLOWED;
      const matches = base.identity.account === accountId.replace(/-/g, '');
      return ok({
        ...base,
        account_matches: matches,
        ready: base.ready && matches,
        blockers: matches ? base.blockers : [`You are signed in to AWS account ${base.identity.account}, but the account entered is ${accountId}: pick the profile of account ${accountId} (or correct the account ID).`, ...base.blockers],
      });
    },
    async validatePath(path: string): Promise<Result<ValidationResult, IpcError>> {
      if (!path.trim()) return fail('invalid_input', 'no folder or file was given', 'Choose a folder that mirrors the bucket, a CUR data file or a diagnostic bundle.');
      if (path.includes('missing')) return fail('io', `could not open ${path}: No such file or directory`, `Check that ${path} exists and is spelled correctly.`);
      cancelled = false;
      const total = 6;
      for (let i = 0; i <= total; i++) {
        if (cancelled) return fail('cancelled', 'the operation was cancelled', 'Start it again when you are ready.');
        listeners.forEach((cb) => cb({ files_done: i, files_total: total, bytes_read: i * 215_000 }));
        await new Promise((r) => setTimeout(r, path.includes('slow') ? 400 : 20));
      }
      lastValidation = { ...VALIDATION_RESULT, source: path };
      return ok(lastValidation);
    },
    async cancelValidation(): Promise<Result<null, IpcError>> {
      cancelled = true;
      return ok(null);
    },
    async listAccounts(customerId: string): Promise<Result<CloudAccount[], IpcError>> {
      return needUser() ?? ok(accounts.filter((a) => a.customer_id === customerId).map((a) => ({ ...a })));
    },
    async addAccount(customerId: string, awsAccountId: string): Promise<Result<CloudAccount, IpcError>> {
      const denied = needUser<CloudAccount>();
      if (denied) return denied;
      const c = customers.find((x) => x.org.id === customerId);
      if (!c?.contract)
        return fail('not_allowed', `${c?.org.name ?? 'this customer'} has no active contract`, `An Admin of ${c?.org.parent_name ?? 'the reseller'} must assign a contract first.`);
      const id = awsAccountId.replace(/-/g, '');
      let a = accounts.find((x) => x.customer_id === customerId && x.aws_account_id === id);
      if (!a) {
        a = { id: `acct-${accounts.length + 1}`, customer_id: customerId, aws_account_id: id, state: 'entered', bucket: null, prefix: null, report_name: null, role_arn: null, external_id: 'ext-mock-0123', stack_id: null, insights: [] };
        accounts.push(a);
      }
      return ok({ ...a });
    },
    async checkBucket(_profile: string | null, accountId: string, bucket: string, prefix: string): Promise<Result<BucketStep, IpcError>> {
      const a = accounts.find((x) => x.id === accountId);
      if (!a) return noAccount(accountId);
      const name = bucket.trim();
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name))
        return fail('invalid_input', `${JSON.stringify(name)} is not an S3 bucket name`, 'Bucket names are 3–63 lowercase letters, digits, dots and hyphens (enter the name only, not s3:// or a URL).');
      await sleep(50);
      if (name.includes('eu'))
        return ok({ status: { bucket: name, region: 'eu-west-1', ok: false, problem: `the bucket ${name} is in eu-west-1, not us-east-1`, remedy: 'Create the CUR with a new bucket in US East (N. Virginia) us-east-1: the platform reads CUR buckets there only.', objects_seen: 0 }, account: { ...a } });
      a.bucket = name;
      a.prefix = prefix.trim().replace(/^\/+|\/+$/g, '');
      advance(a, 'bucket_set');
      return ok({ status: { bucket: name, region: 'us-east-1', ok: true, problem: null, remedy: null, objects_seen: 1 }, account: { ...a } });
    },
    async stackLink(accountId: string): Promise<Result<string, IpcError>> {
      const a = accounts.find((x) => x.id === accountId);
      if (!a?.bucket) return noBucket();
      return ok(`https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?stackName=ChannelOpsCurAccess&param_ExternalId=${a.external_id}&param_CurBucketName=${a.bucket}`);
    },
    async openLink(url: string): Promise<Result<null, IpcError>> {
      if (!url.startsWith('mailto:') && !url.startsWith('https://us-east-1.console.aws.amazon.com/'))
        return fail('not_allowed', `refused to open ${JSON.stringify(url)}: only https links to the AWS console are opened`, 'Open the AWS console yourself.');
      opened.push(url);
      (globalThis as { __mockOpened?: string[] }).__mockOpened = opened;
      return ok(null);
    },
    async watchStack(_profile: string | null, accountId: string): Promise<Result<StackStep, IpcError>> {
      const a = accounts.find((x) => x.id === accountId);
      if (!a) return noAccount(accountId);
      stackStopped = false;
      const failing = a.bucket?.includes('fail') ?? false;
      const steps: StackProgress[] = failing
        ? [{ status: '', phase: 'not_found' }, { status: 'CREATE_IN_PROGRESS', phase: 'in_progress' }, { status: 'ROLLBACK_COMPLETE', phase: 'failed' }]
        : [{ status: '', phase: 'not_found' }, { status: 'CREATE_IN_PROGRESS', phase: 'in_progress' }, { status: 'CREATE_COMPLETE', phase: 'complete' }];
      let last = steps[0];
      for (const st of steps) {
        if (stackStopped) break;
        last = st;
        stackListeners.forEach((cb) => cb(st));
        await sleep(a.bucket?.includes('slow') ? 1500 : 150);
      }
      const complete = last.phase === 'complete';
      if (complete) {
        a.role_arn = `arn:aws:iam::${a.aws_account_id}:role/ChannelOpsCurAccess`;
        a.stack_id = 'ChannelOpsCurAccess';
        advance(a, 'stack_created');
      }
      return ok({
        status: {
          stack_name: 'ChannelOpsCurAccess',
          phase: last.phase,
          status: last.status || null,
          reason: failing ? 'The following resource(s) failed to create: [CurReadRole].' : null,
          failed_resource: failing ? { logical_id: 'CurReadRole', resource_type: 'AWS::IAM::Role', reason: 'User is not authorized to perform: iam:CreateRole' } : null,
          role_arn: complete ? a.role_arn : null,
          role_verified: complete ? true : null,
          next_step: complete ? 'The role exists: go on to validate the CUR files.' : failing ? 'Fix the failing resource, delete the stack, and create it again.' : 'Press "Create stack" in the console.',
        },
        account: { ...a },
      });
    },
    async stopWatchingStack(): Promise<Result<null, IpcError>> {
      stackStopped = true;
      return ok(null);
    },
    async listCurs(_profile: string | null, accountId: string): Promise<Result<CurListing, IpcError>> {
      const a = accounts.find((x) => x.id === accountId);
      if (!a?.bucket) return noBucket();
      const res = await backend.validatePath(a.bucket, null);
      if (res.status === 'error') return res;
      const result = { ...res.data, source: `s3://${a.bucket}/${a.prefix ?? ''}` };
      lastValidation = result;
      if (result.selectable.length > 0) advance(a, 'cur_validated');
      return ok({ result, account: { ...a } });
    },
    async latestCurs(): Promise<Result<ValidationResult | null, IpcError>> {
      return ok(lastValidation);
    },
    async confirmCur(accountId: string, reportName: string): Promise<Result<CloudAccount, IpcError>> {
      const a = accounts.find((x) => x.id === accountId);
      if (!a) return noAccount(accountId);
      if (!lastValidation?.selectable.includes(reportName))
        return fail('invalid_input', `${JSON.stringify(reportName)} is not one of the valid CURs of the latest validation`, 'Refresh the list and choose one of the reports marked valid; the others say what to fix.');
      a.report_name = reportName;
      advance(a, 'confirmed');
      return ok({ ...a });
    },
    async awsInsights(): Promise<Result<Insight[], IpcError>> {
      await sleep(50);
      return ok(INSIGHTS.map((i) => ({ ...i })));
    },
    async completeAccount(accountId: string, insights: InsightKind[]): Promise<Result<CloudAccount, IpcError>> {
      const a = accounts.find((x) => x.id === accountId);
      if (!a) return noAccount(accountId);
      if (ORDER.indexOf(a.state) < ORDER.indexOf('confirmed'))
        return fail('invalid_input', `AWS account ${a.aws_account_id} has no confirmed CUR yet`, 'Choose a valid CUR in the list and press "Confirm and proceed" first.');
      a.insights = [...new Set(insights)].sort();
      advance(a, 'completed');
      return ok({ ...a });
    },
    async exportPath(name: string, suffix: string): Promise<Result<string, IpcError>> {
      const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'export';
      return ok(`/home/me/Downloads/${slug}${suffix}`);
    },
    async exportInvitation(customerId: string, path: string): Promise<Result<ExportedInvitation, IpcError>> {
      const denied = needUser<ExportedInvitation>();
      if (denied) return denied;
      const c = customers.find((x) => x.org.id === customerId);
      if (!c) return fail('not_found', `customer ${customerId} was not found`, 'Check the name or ID.');
      if (!path.trim()) return fail('invalid_input', 'no file was chosen', 'Choose where to save the invitation file.');
      if (path.includes('readonly')) return fail('io', `could not write ${path}: Permission denied`, `Choose a folder you can write to.`);
      const email = c.org.contact_email ?? 'admin@customer.example';
      const welcome = `Hello ${c.org.contact_name ?? ''},\n\n${c.org.parent_name} has set up ${c.org.name} on the cloud-cost platform.\n\nYour activation code: H4MR2-QX7PB-K9TWD-3NZFA-E5Y\n`;
      return ok({ email, code: 'H4MR2-QX7PB-K9TWD-3NZFA-E5Y', expires_at: '2026-12-10T12:00:00Z', path, welcome_text: welcome, mailto: `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent('Invitation')}&body=${encodeURIComponent(welcome)}` });
    },
    async activateInvitation(path: string, code: string, password: string): Promise<Result<Actor, IpcError>> {
      if (!path.trim()) return fail('invalid_input', 'no invitation file was chosen', 'Choose the invitation file attached to the welcome message.');
      if (path.includes('expired')) return fail('invalid_file', 'this invitation has expired', 'Ask Resell One to send a new invitation (Customers → the customer → Invite).');
      if (code.replace(/[-\s]/g, '').toUpperCase() !== 'H4MR2QX7PBK9TWD3NZFAE5Y')
        return fail('invalid_file', 'the activation code does not match this invitation', 'Type the code exactly as in the welcome message (dashes and case do not matter).');
      if (password.length < 12) return fail('invalid_input', 'the password is too short (12 characters at least)', 'Choose a longer password, such as a few unrelated words.');
      seedCustomer();
      if (workspace) workspace.password = password;
      return ok(user as Actor);
    },
    async activateCode(email: string, code: string, password: string): Promise<Result<Actor, IpcError>> {
      if (!workspace) return fail('invalid_file', 'this activation code is not valid for this email address', 'Type the code exactly as in the welcome message, or import the invitation file.');
      return backend.activateInvitation(`/code/${email}`, code, password);
    },
    async exportBundle(path: string): Promise<Result<null, IpcError>> {
      if (!lastValidation) return fail('invalid_input', 'there is no validation to export yet', 'Run a validation first; its diagnostic bundle can then be saved.');
      if (!path.trim()) return fail('invalid_input', 'no file was chosen', 'Choose where to save the bundle.');
      return ok(null);
    },
    async onStackProgress(cb) {
      stackListeners.add(cb);
      return () => stackListeners.delete(cb);
    },
    async pickPath() {
      return options.picked === undefined ? '/home/me/picked' : options.picked;
    },
    async onValidationProgress(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  return backend;
}

/** Options from the page URL, so browser tests can pick a scenario: `?mock=appInfoError`, `?mock=demo`. */
export function mockOptionsFromQuery(search: string): MockOptions {
  const params = new URLSearchParams(search);
  const mock = params.get('mock');
  if (mock === 'appInfoError') {
    return {
      demo: true,
      appInfoError: {
        code: 'io',
        message: 'could not create the data folder /mock/data: permission denied',
        remedy: 'Give your user read and write access to /mock/data (or choose another folder), then try again.',
      },
    };
  }
  if (mock === 'customer') return { customer: true };
  if (mock === 'cancelDialog') return { demo: true, picked: null };
  return mock === 'demo' ? { demo: true } : {};
}
