import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, activateGlobex, distributorWorkspace, PASSWORD } from './bridge';
import { seriousViolations } from './axe';

// Every user's first minutes (support without a workspace, an invitation dropped on
// the first screen), the onboarding report round trip in the window, the reseller's
// view of its customers' AWS accounts, and the Customers list at 10 000 customers —
// all on the real core through the test bridge.

test('support checks a CUR and exports the bundle without any workspace or sign-in', async ({ page, bridge }) => {
  const fixtures = join(bridge.dir, 'fixtures');
  bridge.cli(['fixtures', fixtures]);
  await bridge.open(page);
  await page.getByTestId('choose-support').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
  await page.getByTestId('support-path').fill(join(fixtures, 'no-resource-ids'));
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('invalid-report')).toContainText('no-rid: not valid');
  const bundle = join(bridge.dir, 'support.channelops-bundle');
  await page.evaluate((p) => (window.__CHANNELOPS_PICKS__ = [p]), bundle);
  await page.getByTestId('export-bundle').click();
  await expect(page.getByTestId('bundle-saved')).toBeVisible();
  expect(JSON.parse(readFileSync(bundle, 'utf8')).format).toMatch(/^channelops-diagnostic-bundle\//);
  expect(await seriousViolations(page)).toEqual([]);
  // No workspace was made on the way.
  expect(await bridge.call('workspace_status')).toMatchObject({ initialized: false, user: null });
  await page.getByTestId('guest-back').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to ChannelOps Onboarding' })).toBeVisible();
});

test('an invitation dropped on the first screen opens its activation with the file filled in', async ({ page, bridge, otherMachine }) => {
  const codes = await distributorWorkspace(bridge);
  const invitation = join(bridge.dir, 'globex.channelops-invitation');
  const code = (JSON.parse(bridge.cli(['invitation', 'issue', 'Globex', '--out', invitation, '--json'], 'dana@dist.example')) as { code: string }).code;
  expect(code, 'the CLI prints the new code').toBeTruthy();
  expect(code).not.toBe(codes.Globex);
  await otherMachine.open(page);
  await expect(page.getByTestId('choose-invitation')).toBeVisible();
  await page.evaluate((p) => window.__CHANNELOPS_DROP__?.([p]), invitation);
  await expect(page.getByRole('heading', { level: 1, name: 'Activate your invitation' })).toBeFocused();
  await expect(page.getByTestId('invitation-path')).toHaveValue(invitation);
  // A file that is not a hand-over file is refused with what it is.
  const other = join(bridge.dir, 'notes.txt');
  writeFileSync(other, 'hello');
  await page.evaluate((p) => window.__CHANNELOPS_DROP__?.([p]), other);
  await expect(page.getByTestId('opened-error')).toContainText('notes.txt');
});

test('the onboarding report travels customer → reseller in the window; the reseller sees the new state', async ({ page, bridge, otherMachine }) => {
  await distributorWorkspace(bridge);
  const dana = 'dana@dist.example';
  // The customer's machine: the invitation activated, the AWS account entered.
  const invitation = join(bridge.dir, 'globex.channelops-invitation');
  const code = (JSON.parse(bridge.cli(['invitation', 'issue', 'Globex', '--out', invitation, '--json'], dana)) as { code: string }).code;
  otherMachine.cli(['invitation', 'activate', invitation, '--code', code]);
  otherMachine.cli(['accounts', 'add', 'Globex', '--aws-account-id', '111122223333'], 'admin@globex.example');

  // The customer saves the report from Assets with the save dialog.
  await otherMachine.open(page);
  await page.getByTestId('auth-email').fill('admin@globex.example');
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Assets' }).click();
  await expect(page.getByTestId('aws-account')).toContainText('111122223333');
  const report = join(otherMachine.dir, 'globex.channelops-report');
  await page.evaluate((p) => (window.__CHANNELOPS_PICKS__ = [p]), report);
  await page.getByTestId('save-report').click();
  await expect(page.getByTestId('report-saved')).toContainText(report);
  expect(await seriousViolations(page)).toEqual([]);

  // The reseller's machine, nobody signed in: a report dropped waits for the sign-in,
  // then its preview is shown on Validation (cancelled here, imported below).
  await bridge.call('sign_out');
  await bridge.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.evaluate((p) => window.__CHANNELOPS_DROP__?.([p]), report);
  await expect(page.getByTestId('report-waits')).toContainText(report);
  await page.getByTestId('auth-email').fill(dana);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('report-preview')).toContainText('Globex');
  await expect(page.getByTestId('report-waits')).toHaveCount(0);
  await page.getByTestId('report-preview').getByRole('button', { name: 'Cancel' }).click();

  // Before the report, Globex waits for its activation.
  await page.getByRole('link', { name: 'Assets' }).click();
  await expect(page.getByText("No customer has an AWS account yet.")).toBeVisible();
  await page.getByRole('link', { name: 'Validation' }).click();
  await expect(page.getByTestId('blocker').filter({ hasText: 'Globex' })).toContainText('Send the invitation');
  // Dropped on the window: the preview says who signed and what changes, then Import.
  await page.evaluate((p) => window.__CHANNELOPS_DROP__?.([p]), report);
  await expect(page.getByTestId('report-preview')).toContainText('Globex');
  await expect(page.getByTestId('report-change')).toContainText('111122223333');
  await page.getByTestId('report-import').click();
  await expect(page.getByTestId('report-imported')).toContainText('Globex');
  await expect(page.getByTestId('blocker').filter({ hasText: 'Globex' })).toContainText('Set up the CUR and enter its bucket');
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByTestId('customer-row').filter({ hasText: 'Globex' })).toContainText('Set up the CUR and enter its bucket');
  // Assets: the customer's account and CUR health, read-only.
  await page.getByRole('link', { name: 'Assets' }).click();
  const row = page.getByTestId('customer-aws-account');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Globex');
  await expect(row).toContainText('111122223333');
  await expect(row).toContainText('Account entered');
  await expect(row).toContainText('Not available');
  expect(await seriousViolations(page)).toEqual([]);
});

test('10 000 customers: only the rows in view are in the page; search, filter and CSV export of what is shown', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  const csv = join(bridge.dir, 'many.csv');
  const lines = ['name,domain,contact_name,contact_email,parent'];
  for (let i = 0; i < 10_000; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(`Customer ${n},c${n}.example,Admin ${n},admin@c${n}.example,${i % 2 ? 'Resell One' : 'Resell Two'}`);
  }
  writeFileSync(csv, lines.join('\n') + '\n');
  bridge.cli(['customers', 'import', csv], 'dana@dist.example');
  await bridge.open(page, '#/customers');
  await expect(page.getByTestId('customer-count')).toHaveText('10,002 of 10,002 customers');
  const inPage = await page.getByTestId('customer-row').count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(80);
  // Scrolled to the end: the last customer by name is drawn, the first is gone.
  await page.getByTestId('customer-list').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId('customer-row').filter({ hasText: 'Globex' })).toBeVisible();
  await expect(page.getByTestId('customer-row').filter({ hasText: 'Acme' })).toHaveCount(0);
  expect(await page.getByTestId('customer-row').count()).toBeLessThan(80);

  await page.getByTestId('customer-search').fill('customer 0999');
  await expect(page.getByTestId('customer-count')).toHaveText('10 of 10,002 customers');
  await page.getByTestId('customer-search').fill('resell one');
  await expect(page.getByTestId('customer-count')).toHaveText('5,001 of 10,002 customers');
  await page.getByTestId('health-filter').selectOption('valid');
  await expect(page.getByTestId('customer-count')).toHaveText('0 of 10,002 customers');
  await page.getByTestId('health-filter').selectOption('all');
  await page.getByTestId('customer-search').fill('customer 0000');
  await expect(page.getByTestId('customer-count')).toHaveText('10 of 10,002 customers');

  const out = join(bridge.dir, 'customers.csv');
  await page.evaluate((p) => (window.__CHANNELOPS_PICKS__ = [p]), out);
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('csv-saved')).toContainText('Saved 10 customers');
  const rows = readFileSync(out, 'utf8').trim().split('\n');
  expect(rows[0]).toBe('customer,reseller,part,step,percent,health,next_action,who_must_act,blocker');
  expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(Array.from({ length: 10 }, (_, i) => `Customer 0000${i}`));

  // The Validation page: the same list, virtualized, searched and filtered by part.
  await page.getByRole('link', { name: 'Validation' }).click();
  expect(await page.getByTestId('blocker').count()).toBeLessThan(40);
  await page.getByTestId('validation-search').fill('globex');
  await expect(page.getByTestId('blocker')).toHaveCount(1);
  await page.getByTestId('validation-search').fill('');
  await page.getByTestId('part-filter').selectOption('3');
  await expect(page.getByTestId('blocker')).toHaveCount(1);
  await expect(page.getByTestId('blocker')).toContainText('Globex');
});

test("the Japanese window shows the core's checks, blockers, next actions and errors in Japanese", async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.call('set_language', { language: 'ja' });
  await bridge.open(page, '#/validation');
  const acme = page.getByTestId('blocker').filter({ hasText: 'Acme' });
  await expect(acme).toContainText('有効な契約がありません。クラウドアカウントを接続できません。');
  await expect(acme).toContainText('Resell One の管理者');
  await expect(acme.getByRole('button')).toHaveText('契約を割り当てる');
  await expect(page.locator('main')).not.toContainText('No active contract');

  // Support: a verdict's checks and remedies, then an error of the core.
  const fixtures = join(bridge.dir, 'fixtures');
  bridge.cli(['fixtures', fixtures]);
  await page.getByRole('link', { name: 'サポート' }).click();
  await page.getByTestId('support-path').fill(join(fixtures, 'no-resource-ids'));
  await page.getByRole('button', { name: '検証' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('レポートにリソース ID が含まれていません。');
  await expect(verdict).toContainText('過去のデータにリソース ID は追加できません。');
  await expect(verdict).not.toContainText('does not include resource IDs');
  await expect(verdict).not.toContainText('cannot be added to past data');
  await page.getByTestId('support-path').fill(join(bridge.dir, 'no-such-folder'));
  await page.getByRole('button', { name: '検証' }).click();
  await expect(page.getByRole('alert')).toContainText('見つかりません');
  await expect(page.getByRole('alert')).toContainText('が存在し、綴りが正しいことを確認してください。');
});

test('the progress list kept between pages: a page switch shows it at once and then the fresh one; another user never sees the last one', async ({ page, bridge }) => {
  const codes = await distributorWorkspace(bridge);
  const dana = 'dana@dist.example';
  // Dana (signed in by the workspace's creation).
  await bridge.open(page);
  await expect(page.getByTestId('signed-in')).toContainText('Dana');
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByTestId('customer-row')).toHaveCount(2);

  // A customer added meanwhile (by the CLI): Validation draws the kept list, then the core's fresh one.
  bridge.cli(['customers', 'add', '--parent', 'Resell One', '--name', 'Initech', '--domain', 'initech.example',
    '--contact-name', 'Ini Admin', '--contact-email', 'admin@initech.example'], dana);
  await page.getByRole('link', { name: 'Validation' }).click();
  await expect(page.getByTestId('blocker').filter({ hasText: 'Initech' })).toBeVisible();
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByTestId('customer-row')).toHaveCount(3);

  // Globex's Admin signs in on this window: the first rows drawn are theirs alone.
  await activateGlobex(bridge, codes);
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByTestId('auth-email').fill('admin@globex.example');
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('Globex');
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  expect(await page.getByTestId('customer-row').allTextContents()).toEqual([expect.stringContaining('Globex')]);
});
