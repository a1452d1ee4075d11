import { expect, test as mockTest } from '@playwright/test';
import { test, distributorWorkspace } from './bridge';
import { seriousViolations } from './axe';

// The screens of the onboarding flow: first run and sign-in, Parts 1 and 2, the
// Validation page on the real core (through the test bridge); the steps of Part 3
// that need AWS and support mode still on the mock backend (src/lib/mockBackend.ts).

test('first run creates the workspace and its Admin; switching user asks to sign in', async ({ page, bridge }) => {
  await bridge.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your workspace' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Your organization is a').selectOption('distributor');
  await page.getByLabel('Company name').fill('Dist Co');
  await page.getByLabel('Company domain').fill('dist.example');
  await page.getByLabel('Your name').fill('Dana');
  await page.getByLabel('Email').fill('dana@dist.example');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('shorter');
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  // The backend's refusal is shown with its remedy.
  await expect(page.getByRole('alert')).toContainText('too short');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Confirm password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByTestId('signed-in')).toHaveText('Dana · Dist Co');

  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill('dana@dist.example');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('the email or password is wrong');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByTestId('signed-in')).toBeVisible();
});

test('Part 1: the parent reseller is chosen explicitly, fields are checked inline, the customer is confirmed', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page, '#/customers');
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Add customer' })).toBeFocused();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('Choose the reseller the customer belongs to.')).toBeVisible();
  await expect(page.getByText('Enter a domain such as customer.example.')).toBeVisible();
  await page.getByLabel('Parent reseller').selectOption({ label: 'Resell Two' });
  await page.getByLabel('Customer name').fill('Initech');
  await page.getByLabel('Customer domain').fill('initech.example');
  await page.getByLabel('Admin contact name').fill('Ian');
  await page.getByLabel('Admin contact email').fill('ian@initech');
  await expect(page.getByText('Enter an email address such as admin@customer.example.')).toBeVisible();
  await page.getByLabel('Admin contact email').fill('ian@initech.example');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('confirm-text')).toHaveText('Add Initech under Resell Two?');
  await page.getByRole('button', { name: 'Add customer' }).last().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Customer added' })).toBeFocused();
  await expect(page.getByTestId('activation-code')).toHaveText(/[A-Z0-9]{5}-/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('customer-row')).toHaveCount(3);

  // Search and filter.
  await page.getByTestId('customer-search').fill('init');
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await page.getByTestId('customer-search').fill('');
  await page.getByTestId('health-filter').selectOption('failed');
  await expect(page.getByText('No customer matches the search and filter.')).toBeVisible();
});

test('Part 2 from the Validation page: the blocker, who must act, and the button that fixes it', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page, '#/validation');
  const acme = page.getByTestId('blocker').filter({ hasText: 'Acme' });
  await expect(acme).toContainText('No active contract');
  await expect(acme).toContainText('Who must act: Admin of Resell One');
  expect(await seriousViolations(page)).toEqual([]);
  await acme.getByRole('button', { name: 'Assign a contract' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Assign a contract to Acme' })).toBeFocused();
  await page.getByLabel('Plan').fill('Standard');
  await page.locator('form').getByRole('button', { name: 'Assign contract' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Assign a contract to Acme' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Validation' }).click();
  await expect(page.getByTestId('blocker').filter({ hasText: 'Acme' })).toContainText('Part 3');
});

test('Part 3 is blocked, with the reason and who must act, until the customer has a contract', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page, '#/assets');
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await page.getByTestId('connect-customer').selectOption({ label: 'Acme' });
  await expect(page.getByTestId('connect-blocked')).toContainText('No active contract');
  await expect(page.getByTestId('connect-blocked')).toContainText('Who must act: Admin of Resell One');
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

mockTest('Part 3: review, pre-flight per action with fixes, then the exact CUR settings', async ({ page }) => {
  await page.goto('/?mock=demo#/assets');
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await page.getByTestId('connect-customer').selectOption({ label: 'Globex' });
  await expect(page.getByText('iam:AttachRolePolicy')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'AWS account and permissions' })).toBeFocused();

  // An expired SSO session: the exact command to run.
  await page.getByTestId('aws-profile').selectOption('acme-admin');
  await page.getByTestId('aws-account-id').fill('111122223333');
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await expect(page.getByRole('alert')).toContainText('aws sso login --profile acme-admin');

  // Read-only: denied and not verified actions, with their fixes; Next stays disabled.
  await page.getByTestId('aws-profile').selectOption('acme-readonly');
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await expect(page.getByTestId('permission')).toHaveCount(7);
  await expect(page.getByTestId('permission').filter({ hasText: 'iam:CreateRole' })).toContainText('Denied');
  await expect(page.getByTestId('permission').filter({ hasText: 'sns:Publish' })).toContainText('Not verified');
  await expect(page.getByTestId('preflight-verdict')).toContainText('Not ready');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);

  // The right profile but another account: said so.
  await page.getByTestId('aws-profile').selectOption('default');
  await page.getByTestId('aws-account-id').fill('210987654321');
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await expect(page.getByText('This is not the account entered')).toBeVisible();

  await page.getByTestId('aws-account-id').fill('111122223333');
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await expect(page.getByTestId('preflight-verdict')).toContainText('Ready');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Only the legacy Cost and Usage Report is supported')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy Hourly' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

mockTest('support mode: progress while reading, Cancel, then the verdict with evidence and remedies', async ({ page }) => {
  await page.goto('/?mock=demo#/support');
  await page.getByTestId('support-path').fill('/data/slow-copy');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('progress-text')).toContainText('of 6 files');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('cancelled');

  await page.getByTestId('support-path').fill('/data/missing');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('alert')).toContainText('exists and is spelled correctly');

  await page.getByTestId('support-path').fill('/data/copy');
  await page.getByRole('button', { name: 'Validate' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByRole('radio', { name: /hourly-cur/ })).toBeVisible();
  const invalid = page.getByTestId('invalid-report');
  await expect(invalid).toContainText('no-rid: not valid');
  await expect(invalid).toContainText('lineItem/ResourceId');
  await expect(invalid).toContainText('Include resource IDs');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the new screens speak Japanese too', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page, '#/customers');
  await page.getByTestId('language').selectOption('ja');
  await expect(page.getByRole('button', { name: '顧客を追加' })).toBeVisible();
  await page.getByRole('button', { name: '顧客を追加' }).click();
  await expect(page.getByLabel('親リセラー')).toBeVisible();
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: 'サポート' }).click();
  await expect(page.getByRole('button', { name: '検証' })).toBeVisible();
});

test('Part 1 by keyboard alone', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page, '#/customers');
  await page.getByRole('button', { name: 'Add customer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Add customer' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Parent reseller')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  for (const value of ['Hooli', 'hooli.example', 'Gavin', 'gavin@hooli.example']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confirm-text')).toContainText('Add Hooli under Resell');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('activation-code')).toBeVisible();
});

mockTest('Part 3 to the end: bucket region, live stack status, one CUR chosen, Refresh, Confirm, insights, Complete', async ({ page }) => {
  await page.goto('/?mock=customer');
  await expect(page.getByTestId('signed-in')).toHaveText('Ann · Acme');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeFocused();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('aws-account-id').fill('111122223333');
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Cost and Usage Report' })).toBeFocused();
  await page.getByRole('button', { name: 'Next' }).click();

  // The bucket: its name is checked, then its region.
  await expect(page.getByRole('heading', { level: 2, name: 'S3 bucket' })).toBeFocused();
  await page.getByTestId('bucket-name').fill('s3://acme-cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByRole('alert')).toContainText('name only, not s3://');
  await page.getByTestId('bucket-name').fill('acme-cur-eu');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('eu-west-1, not us-east-1');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByTestId('bucket-name').fill('acme-cur');
  await page.getByTestId('bucket-prefix').fill('cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('acme-cur is in us-east-1');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Next' }).click();

  // The console link is opened (only an AWS console link), and the stack is watched live.
  await expect(page.getByRole('heading', { level: 2, name: 'CloudFormation stack' })).toBeFocused();
  await page.getByTestId('open-console').click();
  await expect(page.getByTestId('stack-status')).toContainText('Created');
  await expect(page.getByTestId('stack-status')).toContainText('CREATE_COMPLETE');
  await expect(page.getByTestId('stack-status')).toContainText('role/ChannelOpsCurAccess');
  const opened = await page.evaluate(() => (globalThis as { __mockOpened?: string[] }).__mockOpened ?? []);
  expect(opened[0]).toContain('quickcreate');
  expect(opened[0]).toContain('param_CurBucketName=acme-cur');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('stack-next').click();

  // The CUR list: the valid one chosen (only one may be), the invalid one explained.
  await expect(page.getByRole('heading', { level: 2, name: 'CUR files' })).toBeFocused();
  await expect(page.getByRole('radio', { name: /hourly-cur/ })).toBeChecked();
  await expect(page.getByTestId('invalid-report')).toContainText('no-rid: not valid');
  await expect(page.getByTestId('invalid-report')).toContainText('Include resource IDs');
  await page.getByTestId('refresh-curs').click();
  await expect(page.getByRole('radio', { name: /hourly-cur/ })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('confirm-cur').click();

  // Insights with their status; Complete finishes without linking them.
  await expect(page.getByRole('heading', { level: 2, name: 'Insights' })).toBeFocused();
  await expect(page.getByTestId('insight')).toHaveCount(3);
  await expect(page.getByTestId('insight').filter({ hasText: 'Trusted Advisor' })).toContainText('Needs a support plan');
  await expect(page.getByTestId('insight').filter({ hasText: 'Security Hub' })).toContainText('Not enabled');
  await page.getByTestId('insight').filter({ hasText: 'Security Hub' }).getByRole('checkbox').check();
  await expect(page.getByTestId('insights-not-yet')).toContainText('AWS Security Hub');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('link-new-account').click();
  await expect(page.getByTestId('connect-done')).toContainText('111122223333');
  await expect(page.getByText('2 insights linked.')).toBeVisible();
  await page.getByRole('button', { name: 'Review onboarding progress' }).click();
  await expect(page.getByTestId('done')).toHaveText('Acme');
});

mockTest('Part 3 resumes where it was left, and a failed stack shows the failing resource', async ({ page }) => {
  await page.goto('/?mock=customer#/assets');
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('aws-account-id').fill('111122223333');
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('bucket-name').fill('acme-fail');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('us-east-1');
  await page.getByRole('button', { name: 'Complete later' }).click();
  await expect(page.getByTestId('aws-account')).toContainText('Bucket checked');

  await page.getByRole('button', { name: 'Connect new account' }).click();
  await expect(page.getByTestId('resume')).toContainText('111122223333');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'CloudFormation stack' })).toBeFocused();
  await page.getByTestId('check-stack').click();
  await expect(page.getByTestId('stack-status')).toContainText('Failed');
  await expect(page.getByTestId('stack-status')).toContainText('CurReadRole (AWS::IAM::Role): User is not authorized');
  await expect(page.getByTestId('stack-next')).toBeDisabled();
});

test('invitation: exported from Customers with the code and welcome message, then activated with a new password', async ({ page, bridge, otherMachine }) => {
  await distributorWorkspace(bridge);
  const picked = `${bridge.dir}/picked.channelops-invitation.json`;
  await bridge.open(page, '#/customers');
  await page.getByRole('button', { name: 'Invite Globex' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Invite the Admin of Globex' })).toBeFocused();
  // Suggested: the Downloads folder, else (as here, no XDG download folder) the home folder.
  await expect(page.getByTestId('invitation-out')).toHaveValue(`${bridge.dir}/globex.channelops-invitation.json`);
  await page.evaluate((p) => (window.__CHANNELOPS_PICKS__ = [p]), picked);
  await page.getByRole('button', { name: /Save as…/ }).click();
  await expect(page.getByTestId('invitation-out')).toHaveValue(picked);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Export invitation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Invitation exported' })).toBeFocused();
  await expect(page.getByTestId('invitation-saved')).toContainText(picked);
  const code = (await page.getByTestId('invitation-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{1,5})+$/);
  await expect(page.getByText(/The code expires on/)).toBeVisible();
  await expect(page.getByTestId('welcome-text')).toHaveValue(new RegExp(code));
  await page.getByRole('button', { name: 'Send by email…' }).click();
  await expect.poll(() => bridge.opened()[0] ?? '').toMatch(/^mailto:admin%40globex\.example\?subject=/);
  expect(await seriousViolations(page)).toEqual([]);

  // On the customer's machine: a fresh app, "I have an invitation".
  await otherMachine.open(page);
  await page.getByTestId('have-invitation').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activate your invitation' })).toBeFocused();
  await page.evaluate((p) => (window.__CHANNELOPS_PICKS__ = [p]), picked);
  await page.getByRole('button', { name: /Choose file…/ }).click();
  await expect(page.getByTestId('invitation-path')).toHaveValue(picked);
  await page.getByTestId('activation-code').fill('WRONG-CODE');
  await page.getByTestId('auth-password').fill('correct horse battery');
  await page.getByTestId('auth-confirm').fill('correct horse battery');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Activate and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('does not match this invitation');
  // Typed in lower case with spaces, as people do.
  await page.getByTestId('activation-code').fill(code.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Activate and sign in' }).click();
  await expect(page.getByTestId('signed-in')).toHaveText('Globex Admin · Globex');
  await expect(page.getByRole('heading', { name: 'Connect your AWS Management Account' })).toBeVisible();
});

test('support mode: the native dialog picks the folder, and the diagnostic bundle is exported', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  const fixtures = `${bridge.dir}/fixtures`;
  bridge.cli(['fixtures', fixtures]);
  const bundle = `${bridge.dir}/acme-bundle.json`;
  await bridge.open(page, '#/support');
  await page.evaluate((picks) => (window.__CHANNELOPS_PICKS__ = picks), [`${fixtures}/valid-csv-gz`, bundle]);
  await page.getByRole('button', { name: /Choose folder…/ }).click();
  await expect(page.getByTestId('support-path')).toHaveValue(`${fixtures}/valid-csv-gz`);
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await page.getByTestId('export-bundle').click();
  await expect(page.getByTestId('bundle-saved')).toContainText(bundle);
  // The bundle the core wrote gives the same verdict again, from the bundle alone.
  await page.getByTestId('support-path').fill(bundle);
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
});

test('a cancelled dialog changes nothing', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  const fixtures = `${bridge.dir}/fixtures`;
  bridge.cli(['fixtures', fixtures]);
  await bridge.open(page, '#/support');
  // No path queued: the "dialog" answers as a cancelled one does.
  await page.getByTestId('support-path').fill(`${fixtures}/valid-csv-gz`);
  await page.getByRole('button', { name: /Choose file…/ }).click();
  await expect(page.getByTestId('support-path')).toHaveValue(`${fixtures}/valid-csv-gz`);
  await page.getByRole('button', { name: 'Validate' }).click();
  await page.getByTestId('export-bundle').click();
  await expect(page.getByTestId('bundle-saved')).toHaveCount(0);
});

mockTest('Part 3 by keyboard alone, in Japanese', async ({ page }) => {
  await page.goto('/?mock=customer#/assets');
  await page.getByTestId('language').selectOption('ja');
  await page.getByRole('button', { name: '新しいアカウントを接続' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '確認' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'AWS アカウントと権限' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('111122223333');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preflight-verdict')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Validation page sends a reseller to the invitation of a customer waiting for activation', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page, '#/validation');
  const globex = page.getByTestId('blocker').filter({ hasText: 'Globex' });
  await expect(globex).toContainText('Who must act');
  await globex.getByRole('button').click();
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Invite the Admin of Globex' })).toBeFocused();
});

test('the language can be chosen before signing in', async ({ page, bridge }) => {
  await bridge.open(page);
  await page.getByTestId('language').selectOption('ja');
  await expect(page.getByRole('heading', { level: 1, name: 'ワークスペースの設定' })).toBeVisible();
  await page.getByTestId('have-invitation').click();
  await expect(page.getByRole('heading', { level: 1, name: '招待を有効化' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
