// In-memory Backend for browser tests and UI work without the Rust side.
// It returns data of exactly the generated types, so type-checking keeps it in
// step with the Rust commands. Its rules are deliberately few: what the screens
// need to show every state (errors with remedies included).
import type {
  Actor,
  AddedCustomerView,
  AppInfo,
  Contract,
  CustomerProgress,
  IpcError,
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
import { PREFLIGHT_ALLOWED, PREFLIGHT_DENIED, VALIDATION_RESULT } from './mockData';

export interface MockOptions {
  appInfo?: Partial<AppInfo>;
  /** Make `appInfo` fail with this error (to exercise error display). */
  appInfoError?: IpcError;
  /** Start with a workspace, a signed-in Admin and two customers (`?mock=demo`). */
  demo?: boolean;
}

const ok = <T>(data: T): Result<T, IpcError> => ({ status: 'ok', data });
const fail = <T>(code: IpcError['code'], message: string, remedy: string): Result<T, IpcError> => ({
  status: 'error',
  error: { code, message, remedy },
});

interface MockCustomer {
  org: Org;
  contract: Contract | null;
}

export function createMockBackend(options: MockOptions = {}): Backend {
  const info: AppInfo = {
    product: 'ChannelOps Onboarding',
    version: '0.0.0-mock',
    data_dir: '/mock/data',
    data_dir_writable: true,
    ...options.appInfo,
  };
  let workspace: { name: string; kind: Org['kind']; admin: Actor; password: string } | null = null;
  let user: Actor | null = null;
  const resellers: Org[] = [];
  const customers: MockCustomer[] = [];
  let cancelled = false;
  const listeners = new Set<(p: ValidationProgress) => void>();

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

  function progressOf(c: MockCustomer): CustomerProgress {
    if (!c.contract) {
      return {
        customer_id: c.org.id,
        customer: c.org.name,
        parent: c.org.parent_name ?? '',
        part: 2,
        step: 'contract',
        percent: 20,
        blocker: 'No active contract: the customer cannot connect cloud accounts.',
        who_must_act: `An Admin of ${c.org.parent_name}`,
        next_action: 'Assign contract',
        health: 'not_available',
      };
    }
    return {
      customer_id: c.org.id,
      customer: c.org.name,
      parent: c.org.parent_name ?? '',
      part: 3,
      step: 'activate',
      percent: 40,
      blocker: null,
      who_must_act: `The customer's Admin (${c.org.contact_email ?? 'not yet invited'})`,
      next_action: 'Activate the invitation',
      health: 'not_available',
    };
  }

  const needUser = <T>(): Result<T, IpcError> | null =>
    user ? null : fail('not_signed_in', 'you are not signed in', 'Sign in with your email and password.');

  const backend: Backend = {
    async appInfo() {
      if (options.appInfoError) return { status: 'error', error: options.appInfoError };
      return ok({ ...info });
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
      return ok({ ...VALIDATION_RESULT, source: path });
    },
    async cancelValidation(): Promise<Result<null, IpcError>> {
      cancelled = true;
      return ok(null);
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
  return mock === 'demo' ? { demo: true } : {};
}
