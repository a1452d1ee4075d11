import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, activateGlobex, distributorWorkspace } from './bridge';
import { seriousViolations } from './axe';

/** The version the core reports: the workspace's, from Cargo.toml. */
const version = /\[workspace\.package\][^[]*?version = "([^"]+)"/.exec(
  readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../Cargo.toml'), 'utf8'),
)?.[1];

test('the frame renders with navigation and the Home entry point', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page);
  await expect(page).toHaveTitle('ChannelOps Onboarding');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Home', 'Customers', 'Assets', 'Validation']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Connect your AWS Management Account' })).toBeVisible();
  // The status bar shows what the core answered: its version and this test's data folder.
  await expect(page.getByTestId('app-version')).toHaveText(`Version ${version}`);
  await expect(page.getByTestId('data-dir')).toHaveText(`Data folder: ${bridge.dataDir}`);
});

test('every page is reachable by keyboard alone and focus lands on the content', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Home' }).focus();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Customers' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/customers$/);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
});

test('the Home entry point leads to Assets → Amazon Web Services → Connect new account', async ({ page, bridge }) => {
  // A reseller or distributor Admin first chooses the customer.
  const codes = await distributorWorkspace(bridge);
  await bridge.open(page);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Which customer?' })).toBeFocused();
  // A customer's own Admin goes straight to the stepper, at its first step, focused.
  await activateGlobex(bridge, codes);
  await bridge.open(page);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Amazon Web Services' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeFocused();
  // From Assets itself: "Connect new account".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click();
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
});

test('a refusal of the core is shown with its remedy and its code', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.call('sign_out');
  await bridge.open(page);
  await page.getByLabel('Email').fill('dana@dist.example');
  await page.getByTestId('auth-password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('How to fix it:');
  await expect(alert).toHaveAttribute('data-error-code', 'not_signed_in');
});

test('switching to Japanese translates the frame and is remembered', async ({ page, bridge }) => {
  await distributorWorkspace(bridge);
  await bridge.open(page);
  await page.getByTestId('language').selectOption('ja');
  await expect(page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '顧客' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // Kept by the core in the data folder, not in the browser.
  await expect.poll(() => readFileSync(`${bridge.dataDir}/preferences.json`, 'utf8')).toContain('"ja"');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'AWS 管理アカウントを接続' })).toBeVisible();
});

for (const path of ['#/home', '#/customers', '#/assets', '#/validation', '#/support']) {
  test(`no serious accessibility violation on ${path}`, async ({ page, bridge }) => {
    await distributorWorkspace(bridge);
    await bridge.open(page, path);
    await expect(page.getByTestId('app-version')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('dark theme follows the system', async ({ page, bridge }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await distributorWorkspace(bridge);
  await bridge.open(page);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
});
