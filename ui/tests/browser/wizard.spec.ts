import { cpSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, awsTest, expect, activateGlobex, distributorWorkspace, curDefinition, cur2Export, type AwsWorld, type Bridge } from './bridge';
import { FAILED_STACK } from './fixtures';
import { seriousViolations } from './axe';

// The screens of the onboarding flow on the real core (through the test bridge):
// first run and sign-in, Parts 1 and 2, the Validation page, support mode, and
// Part 3 against the customer's AWS in moto_server (awsTest).

test('first run creates the workspace and its Admin; switching user asks to sign in', async ({ page, bridge }) => {
  await bridge.open(page);
  // A fresh install asks who you are: the invitation first, then the workspace, then support.
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to ChannelOps Onboarding' })).toBeVisible();
  const choices = page.locator('[data-testid^=choose-]');
  await expect(choices).toHaveText([/^I received an invitation/, /^Set up my distributor or reseller workspace/, /^Check a Cost and Usage Report \(support\)/]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('choose-setup').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your workspace' })).toBeFocused();
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

awsTest.describe('with IAM enforced', () => {
  awsTest.use({ enforceIam: true });

  awsTest('Part 3: review, pre-flight per action with fixes, then the exact CUR settings', async ({ page, bridge, aws }) => {
    await activateGlobex(bridge, await distributorWorkspace(bridge));
    await bridge.open(page, '#/assets');
    await page.getByRole('button', { name: 'Connect new account' }).click();
    await expect(page.getByText('iam:AttachRolePolicy')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'AWS account and permissions' })).toBeFocused();

    // An expired SSO session: the exact command to run.
    await page.getByTestId('aws-profile').selectOption('acme-sso');
    await page.getByTestId('aws-account-id').fill(aws.account);
    await page.getByRole('button', { name: 'Check permissions' }).click();
    await expect(page.getByRole('alert')).toContainText('aws sso login --profile acme-sso');

    // Read-only: what it may do, what it may not, with their fixes; Next stays disabled.
    await page.getByTestId('aws-profile').selectOption('acme-readonly');
    await page.getByRole('button', { name: 'Check permissions' }).click();
    await expect(page.getByTestId('permission')).toHaveCount(7);
    await expect(page.getByTestId('permission').filter({ hasText: 'iam:CreateRole' })).toContainText('Denied');
    await expect(page.getByTestId('permission').filter({ hasText: 'iam:CreateRole' })).toContainText('Ask your AWS administrator');
    await expect(page.getByTestId('permission').filter({ hasText: 'iam:GetRole' })).toContainText('Allowed');
    await expect(page.getByTestId('preflight-verdict')).toContainText('Not ready');
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);

    // A user who may not read his own policies: what no probe can decide is not verified.
    await page.getByTestId('aws-profile').selectOption('acme-limited');
    await page.getByRole('button', { name: 'Check permissions' }).click();
    await expect(page.getByTestId('permission').filter({ hasText: 'sns:Publish' })).toContainText('Not verified');
    await expect(page.getByTestId('permission').filter({ hasText: 'iam:GetRole' })).toContainText('Allowed');
    await expect(page.getByTestId('preflight-verdict')).toContainText('Not ready');

    // The right profile but another account: said so.
    await page.getByTestId('aws-profile').selectOption('acme-admin');
    await page.getByTestId('aws-account-id').fill('210987654321');
    await page.getByRole('button', { name: 'Check permissions' }).click();
    await expect(page.getByText('This is not the account entered')).toBeVisible();

    await page.getByTestId('aws-account-id').fill(aws.account);
    await page.getByRole('button', { name: 'Check permissions' }).click();
    await expect(page.getByTestId('preflight-verdict')).toContainText('Ready');
    await expect(page.getByTestId('preflight')).toContainText('user/ann');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Only the legacy Cost and Usage Report is supported')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy Hourly' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

awsTest('support mode: progress while reading, Cancel, then the verdict with evidence and remedies', async ({ page, bridge, aws }) => {
  await distributorWorkspace(bridge);
  // The default profile reaches the bucket through a proxy adding 0.7 s to every request.
  await aws.slowProfile('default', 700);
  await bridge.open(page, '#/support');
  await page.getByTestId('support-path').fill('s3://acme-cur');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('progress-text')).toContainText(/of [1-9]\d* files/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('cancelled', { timeout: 30_000 });
  await expect(page.getByTestId('verdict')).toHaveCount(0);

  await page.getByTestId('support-path').fill(`${bridge.dir}/missing`);
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByRole('alert')).toContainText('exists and is spelled correctly');

  // The customer's bucket copied to this machine: one valid report, one without resource IDs.
  const fixtures = `${bridge.dir}/fixtures`;
  bridge.cli(['fixtures', fixtures]);
  const copy = `${bridge.dir}/copy`;
  for (const variant of ['valid-parquet-athena', 'no-resource-ids']) cpSync(`${fixtures}/${variant}`, copy, { recursive: true });
  await page.getByTestId('support-path').fill(copy);
  await page.getByRole('button', { name: 'Validate' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict.getByRole('radio', { name: /cur-parquet/ })).toBeVisible();
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

awsTest('Part 3 to the end: bucket region, live stack status, one CUR chosen, Refresh, Confirm, insights, Complete', async ({ page, bridge, aws }) => {
  // AWS's word on the account's CURs (the CUR API and Data Exports, which moto lacks).
  aws.billing({
    definitions: [
      curDefinition('cur-parquet', 'acme-cur', '', { ReportStatus: { lastDelivery: '20261130T040512Z', lastStatus: 'SUCCESS' } }),
      curDefinition('no-rid', 'acme-cur', 'p', { AdditionalSchemaElements: ['SPLIT_COST_ALLOCATION_DATA'] }),
      curDefinition('old-daily', 'acme-cur', 'old', { TimeUnit: 'DAILY' }),
    ],
    exports: [cur2Export('acme-cur2', 'acme-cur')],
  });
  await activateGlobex(bridge, await distributorWorkspace(bridge));
  await bridge.open(page);
  await expect(page.getByTestId('signed-in')).toHaveText('Globex Admin · Globex');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeFocused();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('aws-profile').selectOption('acme-admin');
  await page.getByTestId('aws-account-id').fill(aws.account);
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await expect(page.getByTestId('preflight-verdict')).toContainText('Ready');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Cost and Usage Report' })).toBeFocused();
  await page.getByRole('button', { name: 'Next' }).click();

  // The bucket: its name is checked, then its region.
  await expect(page.getByRole('heading', { level: 2, name: 'S3 bucket' })).toBeFocused();
  await page.getByTestId('bucket-name').fill('s3://acme-cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the name only (not s3://');
  await page.getByTestId('bucket-name').fill('acme-cur-eu');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('The bucket is in eu-west-1; legacy CURs must be delivered to a bucket in us-east-1');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByTestId('bucket-name').fill('acme-cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('acme-cur is in us-east-1');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Next' }).click();

  // The console link goes to the browser (the stand-in records it); the stack is
  // watched live while the user creates it there (here: as the console would, in moto).
  await expect(page.getByRole('heading', { level: 2, name: 'CloudFormation stack' })).toBeFocused();
  await page.getByTestId('open-console').click();
  await expect.poll(() => bridge.opened().find((l) => l.includes('quickcreate')) ?? '').toContain('param_CurBucketName=acme-cur');
  await expect(page.getByTestId('stack-status')).toContainText('Not created yet');
  const link = bridge.opened().find((l) => l.includes('quickcreate')) ?? '';
  expect(link).toMatch(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudformation\/home\?region=us-east-1#\/stacks\/quickcreate\?/);
  aws.createStack(link);
  await expect(page.getByTestId('stack-status')).toContainText('CREATE_COMPLETE', { timeout: 30_000 });
  await expect(page.getByTestId('stack-status')).toContainText('Created');
  await expect(page.getByTestId('stack-status')).toContainText('role/ChannelOpsCurReader');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('stack-next').click();

  // The CUR list: the valid one chosen (only one may be), the invalid one explained.
  await expect(page.getByRole('heading', { level: 2, name: 'CUR files' })).toBeFocused();
  await expect(page.getByRole('radio', { name: /cur-parquet/ })).toBeChecked({ timeout: 30_000 });
  await expect(page.getByRole('radio')).toHaveCount(1);
  await expect(page.getByTestId('invalid-report')).toContainText('no-rid: not valid');
  await expect(page.getByTestId('invalid-report')).toContainText('Include resource IDs');
  // Definitions and files as one list: a wrong definition with no files says which
  // setting; the CUR 2.0 export is named; the bucket lacks AWS's delivery statement.
  const daily = page.locator('[data-testid=cur-entry][data-state=definition_wrong]');
  await expect(daily).toContainText('old-daily');
  await expect(daily).toContainText('set the time granularity to Hourly');
  await expect(page.getByTestId('data-export')).toContainText('"acme-cur2" is a CUR 2.0 export');
  await expect(page.getByTestId('bucket-delivery')).toHaveAttribute('data-ready', 'false');
  await expect(page.getByTestId('delivery-statement')).toContainText('billingreports.amazonaws.com');
  await expect(page.getByTestId('delivery-statement')).toContainText('arn:aws:cur:us-east-1:111122223333:definition/*');
  await page.getByTestId('refresh-curs').click();
  await expect(page.getByRole('radio', { name: /cur-parquet/ })).toBeChecked({ timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('confirm-cur').click();

  // Insights as they are in the account; Security Hub chosen though not enabled yet.
  await expect(page.getByRole('heading', { level: 2, name: 'Insights' })).toBeFocused();
  await expect(page.getByTestId('insight')).toHaveCount(3);
  await expect(page.getByTestId('insight').filter({ hasText: 'Trusted Advisor' })).toContainText('Enabled');
  await expect(page.getByTestId('insight').filter({ hasText: 'Security Hub' })).toContainText('Not enabled');
  await page.getByTestId('insight').filter({ hasText: 'Security Hub' }).getByRole('checkbox').check();
  await expect(page.getByTestId('insights-not-yet')).toContainText('AWS Security Hub');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('link-new-account').click();
  await expect(page.getByTestId('connect-done')).toContainText(aws.account);
  await expect(page.getByText('2 insights linked.')).toBeVisible();
  await page.getByRole('button', { name: 'Review onboarding progress' }).click();
  await expect(page.getByTestId('done')).toHaveText('Globex');
});

/** Globex's Admin, from Assets, through the review to a passed pre-flight with `profile`. */
async function toThePreflight(page: Page, bridge: Bridge, aws: AwsWorld, profile = 'acme-admin'): Promise<void> {
  await activateGlobex(bridge, await distributorWorkspace(bridge));
  await bridge.open(page, '#/assets');
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('aws-profile').selectOption(profile);
  await page.getByTestId('aws-account-id').fill(aws.account);
  await page.getByRole('button', { name: 'Check permissions' }).click();
  await expect(page.getByTestId('preflight-verdict')).toContainText('Ready');
}

/** …and on through the CUR settings to the bucket step. */
async function toTheBucketStep(page: Page, bridge: Bridge, aws: AwsWorld): Promise<void> {
  await toThePreflight(page, bridge, aws);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
}

awsTest('a CUR defined a minute ago: judged before any file, a wait of its own on the Validation page, resumed after the delivery', async ({ page, bridge, aws }) => {
  aws.billing({ definitions: [curDefinition('hourly-cur', 'acme-new-cur', 'cur')] });
  await toTheBucketStep(page, bridge, aws);
  await page.getByTestId('bucket-name').fill('acme-new-cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('us-east-1');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByTestId('open-console').click();
  await expect.poll(() => bridge.opened().find((l) => l.includes('quickcreate')) ?? '').toContain('acme-new-cur');
  aws.createStack(bridge.opened().find((l) => l.includes('quickcreate')) ?? '');
  await expect(page.getByTestId('stack-status')).toContainText('CREATE_COMPLETE', { timeout: 30_000 });
  await page.getByTestId('stack-next').click();

  // No file yet: the definition is judged right, and waiting is not a failure.
  const waiting = page.locator('[data-testid=cur-entry][data-state=awaiting_first_delivery]');
  await expect(waiting).toContainText('hourly-cur', { timeout: 30_000 });
  await expect(waiting).toContainText('Definition right — waiting for the first delivery');
  await expect(waiting).toContainText('Who must act: nobody');
  await expect(page.getByTestId('awaiting-since')).toContainText('Definition found');
  await expect(page.getByTestId('leave-and-resume')).toBeVisible();
  await expect(page.getByTestId('invalid-report')).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByTestId('confirm-cur')).toBeDisabled();
  await expect(page.getByTestId('bucket-delivery')).toHaveAttribute('data-ready', 'false');
  expect(await seriousViolations(page)).toEqual([]);

  // Left: the Validation page says who must act (nobody) and since when.
  await bridge.open(page, '#/validation');
  const blocker = page.getByTestId('blocker');
  await expect(blocker).toContainText('Waiting for AWS\'s first delivery of the CUR "hourly-cur"');
  await expect(blocker).toContainText('Who must act: Nobody — AWS delivers within 24 hours');
  await expect(page.getByTestId('waiting-since')).toContainText('Definition found');

  // AWS delivers; resumed from the Validation page, Refresh finds the files valid.
  aws.deliver('acme-new-cur', 'valid-csv-gz');
  await blocker.getByRole('button', { name: 'Refresh the CUR list' }).click();
  await page.getByTestId('resume-profile').selectOption('acme-admin');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('radio', { name: /hourly-cur/ })).toBeChecked({ timeout: 30_000 });
  await expect(page.locator('[data-testid=cur-entry][data-state=awaiting_first_delivery]')).toHaveCount(0);
  await page.getByTestId('confirm-cur').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Insights' })).toBeFocused();
});

awsTest('Part 3 without leaving the app: the CUR, its bucket and the stack created for the user, each after its plan', async ({ page, bridge, aws }) => {
  await toThePreflight(page, bridge, aws);
  // The five permissions of "Create the CUR for me", apart from the seven.
  await expect(page.getByTestId('optional-permission')).toHaveCount(5);
  await expect(page.getByTestId('optional-permission').filter({ hasText: 'cur:PutReportDefinition' })).toContainText('Allowed');
  await page.getByRole('button', { name: 'Next' }).click();

  // The plan first: nothing exists yet, so the bucket is created with its policy.
  await expect(page.getByRole('heading', { level: 2, name: 'Cost and Usage Report' })).toBeFocused();
  await page.getByTestId('create-cur-open').click();
  await page.getByTestId('create-cur-bucket').fill('acme-made-cur');
  await page.getByTestId('create-cur-plan').click();
  const plan = page.getByTestId('plan');
  await expect(plan).toContainText('Create the S3 bucket acme-made-cur in us-east-1');
  await expect(plan).toContainText('Create the legacy CUR "channelops-cur": hourly, with resource IDs and split cost allocation data, Parquet');
  await expect(page.getByTestId('applied')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('create-cur-confirm').click();
  const applied = page.getByTestId('applied');
  await expect(applied).toContainText('s3:CreateBucket');
  await expect(applied).toContainText('s3:PutBucketPolicy');
  await expect(applied).toContainText('cur:PutReportDefinition');
  await expect(applied).toContainText('AWS request');
  // Checked right after: AWS may deliver there.
  await expect(page.getByTestId('bucket-delivery')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('create-cur-done')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // The bucket step has the bucket and prefix filled in.
  await expect(page.getByTestId('bucket-name')).toHaveValue('acme-made-cur');
  await expect(page.getByTestId('bucket-prefix')).toHaveValue('cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('us-east-1');
  await page.getByRole('button', { name: 'Next' }).click();

  // The stack: what the template creates, then created and followed live.
  await page.getByTestId('create-stack-plan').click();
  await expect(page.getByTestId('plan')).toContainText('AWS::IAM::Role');
  await expect(page.getByTestId('plan')).toContainText('CAPABILITY_NAMED_IAM');
  await expect(page.getByTestId('stack-parameters')).toContainText('acme-made-cur');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('create-stack-confirm').click();
  await expect(page.getByTestId('applied')).toContainText('cloudformation:CreateStack');
  await expect(page.getByTestId('stack-status')).toContainText('CREATE_COMPLETE', { timeout: 30_000 });
  expect(bridge.opened().filter((l) => l.includes('console.aws.amazon.com'))).toEqual([]);
  await page.getByTestId('stack-next').click();

  // The CUR the app created is right and waits for AWS's first delivery.
  const waiting = page.locator('[data-testid=cur-entry][data-state=awaiting_first_delivery]');
  await expect(waiting).toContainText('channelops-cur', { timeout: 30_000 });
  await expect(page.getByTestId('bucket-delivery')).toHaveAttribute('data-ready', 'true');
});

awsTest('"Create the CUR for me" says why it is unavailable when a permission is missing', async ({ page, bridge, aws }) => {
  await toThePreflight(page, bridge, aws, 'acme-operator');
  await expect(page.getByTestId('optional-permission').filter({ hasText: 's3:PutBucketPolicy' })).toContainText('Denied');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('create-cur-unavailable')).toContainText('cur:PutReportDefinition');
  await expect(page.getByTestId('create-cur-open')).toBeDisabled();
  // The manual path is still there.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'S3 bucket' })).toBeFocused();
});

awsTest('Part 3 resumes where it was left, and a failed stack shows the failing resource', async ({ page, bridge, aws }) => {
  await toTheBucketStep(page, bridge, aws);
  await page.getByTestId('bucket-name').fill('acme-cur');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await expect(page.getByTestId('bucket-status')).toContainText('us-east-1');
  await page.getByRole('button', { name: 'Complete later' }).click();
  await expect(page.getByTestId('aws-account')).toContainText('Bucket checked');

  // Back later (a new page on the same workspace): the stepper resumes at the stack.
  await bridge.open(page, '#/assets');
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await expect(page.getByTestId('resume')).toContainText(aws.account);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'CloudFormation stack' })).toBeFocused();

  // A stack CloudFormation rolled back: moto cannot fail one, so the core's answer is
  // the named fixture FAILED_STACK (the core's reading of real stack events is tested
  // in aws_mocked.rs); the account is the real one.
  const [account] = await bridge.call<unknown[]>('list_accounts', { customerId: 'Globex' });
  await page.route('**/invoke/watch_stack', (route) => route.fulfill({ json: { status: FAILED_STACK, account } }));
  await page.getByTestId('check-stack').click();
  await expect(page.getByTestId('stack-status')).toContainText('Failed');
  await expect(page.getByTestId('stack-status')).toContainText('CurReadRole (AWS::IAM::Role): User is not authorized');
  await expect(page.getByTestId('stack-next')).toBeDisabled();
});

test('invitation: exported from Customers with the code and welcome message, then activated with a new password', async ({ page, bridge, otherMachine }) => {
  await distributorWorkspace(bridge);
  const picked = `${bridge.dir}/picked.channelops-invitation`;
  await bridge.open(page, '#/customers');
  await page.getByRole('button', { name: 'Invite Globex' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Invite the Admin of Globex' })).toBeFocused();
  // Suggested: the Downloads folder, else (as here, no XDG download folder) the home folder.
  await expect(page.getByTestId('invitation-out')).toHaveValue(`${bridge.dir}/globex.channelops-invitation`);
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

  // On the customer's machine: a fresh app, "I received an invitation".
  await otherMachine.open(page);
  await page.getByTestId('choose-invitation').click();
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
  // Who signed the invitation: the reseller's key, by its fingerprint, now the one trusted.
  await expect(page.getByTestId('invitation-signer')).toContainText(/signed by .+'s key SHA256:[A-Za-z0-9_-]{22}/);
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
  // Support can add the log to the next bundle, and says where the logs are.
  await expect(page.getByTestId('bundle-with-log')).not.toBeChecked();
  await page.getByTestId('open-logs').click();
  await expect(page.getByTestId('logs-folder')).toContainText('logs');
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

awsTest('Part 3 by keyboard alone, in Japanese', async ({ page, bridge, aws }) => {
  await activateGlobex(bridge, await distributorWorkspace(bridge));
  await bridge.open(page, '#/assets');
  await page.getByTestId('language').selectOption('ja');
  await page.getByRole('button', { name: '新しいアカウントを接続' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '確認' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'AWS アカウントと権限' })).toBeFocused();
  // The profile list, then the account ID.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('aws-profile')).toHaveValue('acme-admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(aws.account);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preflight-verdict')).toContainText('準備完了');
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
  await expect(page.getByRole('heading', { level: 1, name: 'ChannelOps オンボーディングへようこそ' })).toBeVisible();
  await page.getByTestId('choose-invitation').click();
  await expect(page.getByRole('heading', { level: 1, name: '招待を有効化' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
