// Playwright fixtures for browser tests on the real core: each test gets its own
// `channelops-bridge` (the app's command set over HTTP, see
// src-tauri/crates/channelops-bridge) on a fresh SQLite file and data folder, and
// the built UI served by it. Workspaces are seeded through the bridge's commands
// and the real `channelops` CLI on the same database — never canned data.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createServer, connect, type Server } from 'node:net';

const target =
  process.env.CARGO_TARGET_DIR ?? join(process.env.CHANNELOPS_CACHE ?? join(homedir(), '.cache', 'channelops'), 'target');
const bin = (name: string) => join(target, 'debug', name);
const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../../dist');

export const PASSWORD = 'correct horse battery staple';

export interface Bridge {
  url: string;
  token: string;
  db: string;
  dataDir: string;
  dir: string;
  /** Opens the UI at `hash` (e.g. '#/customers') on the bridge. */
  open(page: Page, hash?: string): Promise<void>;
  /** Calls a command as the window would; throws the `{code, message, remedy}` of a refusal. */
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  /** The real CLI on the same database, signed in as `user` when given. */
  cli(args: string[], user?: string): string;
  /** The links the app handed to the system's opener, in order. */
  opened(): string[];
}

async function startBridge(
  dir: string,
  env: Record<string, string | undefined>,
): Promise<{ proc: ChildProcess; url: string; token: string }> {
  // Links the app opens (console, mailto:) are recorded by a stand-in xdg-open, never opened.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'xdg-open'), `#!/bin/sh\necho "$1" >> '${join(dir, 'opened.txt')}'\n`, { mode: 0o755 });
  const merged: Record<string, string | undefined> = {
    ...process.env,
    CHANNELOPS_DATA_DIR: join(dir, 'data'),
    HOME: dir,
    PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
    ...env,
  };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const proc = spawn(bin('channelops-bridge'), ['--db', join(dir, 'ws.db'), '--ui', dist], {
    env: merged as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((ok, fail) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', ok);
    proc.once('exit', (code) => fail(new Error(`channelops-bridge exited with ${code} (is it built? cargo build -p channelops-bridge)`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return { proc, url, token };
}

async function makeBridge(env: Record<string, string | undefined>): Promise<{ bridge: Bridge; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'channelops-ui-'));
  const { proc, url, token } = await startBridge(dir, env);
  const db = join(dir, 'ws.db');
  const bridge: Bridge = {
    url,
    token,
    db,
    dir,
    dataDir: join(dir, 'data'),
    async open(page, hash = '') {
      await page.goto(`${url}/?bridge=${token}${hash}`);
    },
    async call(cmd, args = {}) {
      const res = await fetch(`${url}/invoke/${cmd}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = await res.json();
      if (!res.ok) throw body;
      return body;
    },
    opened() {
      const file = join(dir, 'opened.txt');
      return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
    },
    cli(args, user) {
      return execFileSync(bin('channelops'), ['--db', db, ...args], {
        env: {
          ...process.env,
          CHANNELOPS_DATA_DIR: join(dir, 'data'),
          CHANNELOPS_PASSWORD: PASSWORD,
          ...(user ? { CHANNELOPS_USER: user } : {}),
        },
        encoding: 'utf8',
      });
    },
  };
  return {
    bridge,
    stop() {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{
  bridge: Bridge;
  /** A second machine (the customer's): its own bridge, database and data folder. */
  otherMachine: Bridge;
  bridgeEnv: Record<string, string | undefined>;
}>({
  /** Environment of the bridge (a variable set to undefined is removed). */
  bridgeEnv: [{}, { option: true }],
  bridge: async ({ bridgeEnv }, use) => {
    const { bridge, stop } = await makeBridge(bridgeEnv);
    await use(bridge);
    stop();
  },
  otherMachine: async ({ bridgeEnv }, use) => {
    const { bridge, stop } = await makeBridge(bridgeEnv);
    await use(bridge);
    stop();
  },
});

/** A distributor workspace (its Admin Dana signed in) with two resellers and two
 *  customers: Acme under Resell One (no contract yet) and Globex under Resell Two
 *  (a contract, its invitation waiting).
 *  Returns each customer's activation code. */
export async function distributorWorkspace(bridge: Bridge): Promise<Record<string, string>> {
  await bridge.call('init_workspace', {
    input: {
      kind: 'distributor',
      name: 'Dist Co',
      domain: 'dist.example',
      admin_email: 'dana@dist.example',
      admin_name: 'Dana',
      password: PASSWORD,
    },
  });
  const dana = 'dana@dist.example';
  bridge.cli(['resellers', 'add', '--name', 'Resell One', '--domain', 'r1.example'], dana);
  bridge.cli(['resellers', 'add', '--name', 'Resell Two', '--domain', 'r2.example'], dana);
  const codes: Record<string, string> = {};
  for (const [name, parent] of [
    ['Acme', 'Resell One'],
    ['Globex', 'Resell Two'],
  ]) {
    const lower = name.toLowerCase();
    const added = JSON.parse(
      bridge.cli(
        ['customers', 'add', '--parent', parent, '--name', name, '--domain', `${lower}.example`,
          '--contact-name', `${name} Admin`, '--contact-email', `admin@${lower}.example`, '--json'],
        dana,
      ),
    ) as { invitation: { code: string } };
    codes[name] = added.invitation.code;
  }
  bridge.cli(['contracts', 'add', 'Globex', '--start', '2026-11-01', '--plan', 'Standard'], dana);
  return codes;
}

/** Globex's Admin (admin@globex.example) activates with the code and is signed in. */
export async function activateGlobex(bridge: Bridge, codes: Record<string, string>): Promise<void> {
  await bridge.call('sign_out');
  await bridge.call('activate_code', { email: 'admin@globex.example', code: codes.Globex, password: PASSWORD });
}

/** A customer's AWS in `moto_server` (tests/e2e/aws_world.py: profiles `acme-admin`,
 *  `acme-readonly`, `acme-limited`, `acme-sso` (expired), buckets `acme-cur` in
 *  us-east-1 with one valid and one invalid CUR and `acme-cur-eu`). */
export interface AwsWorld {
  endpoint: string;
  account: string;
  config: string;
  credentials: string;
  /** The home folder holding the SSO token cache. */
  home: string;
  admin: { key: string; secret: string };
  /** What the user does in the CloudFormation console with the quick-create link. */
  createStack(link: string): void;
  /** An AWS profile (written into the config) whose calls pass a proxy adding `delayMs`
   *  to every request: a bucket far away, for progress and Cancel. */
  slowProfile(name: string, delayMs: number): Promise<void>;
  /** What the CUR API and Data Exports (the stand-in tests/e2e/billing_api.py, AWS's
   *  wire format) answer from now on: `definitions`, `exports`, `deny`. */
  billing(state: BillingState): void;
  /** AWS's delivery: a generated fixture's files (`channelops fixtures VARIANT`) put into `bucket`. */
  deliver(bucket: string, variant: string): void;
}

export interface BillingState {
  definitions?: Record<string, unknown>[];
  exports?: Record<string, unknown>[];
  deny?: string[];
}

/** A legacy CUR definition as DescribeReportDefinitions answers it: right for Part 3 unless changed. */
export function curDefinition(name: string, bucket: string, prefix: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ReportName: name,
    TimeUnit: 'HOURLY',
    Format: 'Parquet',
    Compression: 'Parquet',
    AdditionalSchemaElements: ['RESOURCES', 'SPLIT_COST_ALLOCATION_DATA'],
    S3Bucket: bucket,
    S3Prefix: prefix,
    S3Region: 'us-east-1',
    AdditionalArtifacts: [],
    RefreshClosedReports: true,
    ReportVersioning: 'OVERWRITE_REPORT',
    ...changes,
  };
}

/** A CUR 2.0 export as GetExport answers it. */
export function cur2Export(name: string, bucket: string): Record<string, unknown> {
  return {
    ExportArn: `arn:aws:bcm-data-exports:us-east-1:111122223333:export/${name}-0d1e`,
    Name: name,
    DataQuery: { QueryStatement: 'SELECT line_item_unblended_cost FROM COST_AND_USAGE_REPORT', TableConfigurations: {} },
    DestinationConfigurations: {
      S3Destination: {
        S3Bucket: bucket,
        S3Prefix: 'exports',
        S3Region: 'us-east-1',
        S3OutputConfigurations: { OutputType: 'CUSTOM', Format: 'PARQUET', Compression: 'PARQUET', Overwrite: 'OVERWRITE_REPORT' },
      },
    },
    RefreshCadence: { Frequency: 'SYNCHRONOUS' },
  };
}

const repo = resolve(here, '../../..');
const world = join(repo, 'tests', 'e2e', 'aws_world.py');
const billingApi = join(repo, 'tests', 'e2e', 'billing_api.py');
const python = process.env.PYTHON ?? 'python3';

async function startMoto(dir: string): Promise<{ proc: ChildProcess; endpoint: string }> {
  const proc = spawn(process.env.MOTO_SERVER ?? 'moto_server', ['-H', '127.0.0.1', '-p', '0'], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', MOTO_ACCOUNT_ID: '111122223333' },
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: dir,
  });
  const port = await new Promise<string>((ok, fail) => {
    const lines = createInterface({ input: proc.stderr! });
    lines.on('line', (line) => {
      const m = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m) ok(m[1]);
    });
    proc.once('exit', (code) => fail(new Error(`moto_server exited with ${code}: run bash .ci/setup (it installs moto[server] into the venv)`)));
  });
  return { proc, endpoint: `http://127.0.0.1:${port}` };
}

/** The stand-in for the CUR API and Data Exports on a free port, serving `file`. */
async function startBilling(file: string): Promise<{ proc: ChildProcess; endpoint: string }> {
  writeFileSync(file, '{}');
  const proc = spawn(python, [billingApi, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((ok, fail) => {
    createInterface({ input: proc.stdout! }).once('line', (line) => ok(line.replace('port ', '').trim()));
    proc.once('exit', (code) => fail(new Error(`billing_api.py exited with ${code}`)));
  });
  return { proc, endpoint: `http://127.0.0.1:${port}` };
}

/** A TCP proxy to `target` on 127.0.0.1 holding each chunk the client sends for
 *  `delayMs` (one request each, as the SDK sends them): a slow network. */
function latencyProxy(target: URL, delayMs: number): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.on('data', (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Browser tests of Part 3: the bridge's AWS profiles are the world's, on moto. */
export const awsTest = test.extend<{ aws: AwsWorld & { billingEndpoint: string }; enforceIam: boolean }>({
  /** Only the users' own keys work and their IAM policies apply. (moto 5.2 then also
   *  refuses every signature on S3 keys holding '=', boto3's too — Athena-style
   *  partitions — so only the pre-flight's tests turn it on.) */
  enforceIam: [false, { option: true }],
  aws: async ({ enforceIam }, use, testInfo) => {
    // AWS calls through moto (and the stack watch's 3 s polls) take longer than the rest.
    testInfo.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'channelops-aws-'));
    const { proc, endpoint } = await startMoto(dir);
    const billingFile = join(dir, 'billing.json');
    const billing = await startBilling(billingFile);
    const proxies: Server[] = [];
    try {
      const made = JSON.parse(
        execFileSync(python, [world, 'setup', endpoint, dir, bin('channelops'), ...(enforceIam ? ['--enforce-iam'] : [])], {
          encoding: 'utf8',
        }),
      ) as Omit<AwsWorld, 'createStack' | 'slowProfile' | 'billing' | 'deliver'>;
      await use({
        ...made,
        billingEndpoint: billing.endpoint,
        billing(state) {
          writeFileSync(billingFile, JSON.stringify(state));
        },
        deliver(bucket, variant) {
          execFileSync(python, [world, 'deliver', endpoint, dir, bucket, variant]);
        },
        createStack(link) {
          execFileSync(python, [world, 'create-stack', endpoint, link, made.admin.key, made.admin.secret]);
        },
        async slowProfile(name, delayMs) {
          const proxy = await latencyProxy(new URL(endpoint), delayMs);
          proxies.push(proxy);
          const { port } = proxy.address() as { port: number };
          const config = readFileSync(made.config, 'utf8');
          const credentials = readFileSync(made.credentials, 'utf8');
          const admin = /\[acme-admin\]\n([^[]*)/.exec(credentials)?.[1] ?? '';
          writeFileSync(made.config, `${config}\n[profile ${name}]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:${port}\n`);
          writeFileSync(made.credentials, `${credentials}\n[${name}]\n${admin}`);
        },
      });
    } finally {
      for (const p of proxies) p.close();
      billing.proc.kill();
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  bridgeEnv: async ({ aws }, use) => {
    await use({
      AWS_CONFIG_FILE: aws.config,
      AWS_SHARED_CREDENTIALS_FILE: aws.credentials,
      HOME: aws.home,
      AWS_PROFILE: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_ENDPOINT_URL: undefined,
      AWS_REGION: undefined,
      // What moto lacks goes to the stand-in (service-specific endpoints).
      AWS_ENDPOINT_URL_COST_AND_USAGE_REPORT_SERVICE: aws.billingEndpoint,
      AWS_ENDPOINT_URL_BCM_DATA_EXPORTS: aws.billingEndpoint,
    });
  },
});

export { expect };
