import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';

test('the frame renders with navigation and the Home entry point', async ({ page }) => {
  await page.goto('/?mock=demo');
  await expect(page).toHaveTitle('ChannelOps Onboarding');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Home', 'Customers', 'Assets', 'Validation']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Connect your AWS Management Account' })).toBeVisible();
  // The status bar shows what the backend (here the mock) answered.
  await expect(page.getByTestId('app-version')).toHaveText('Version 0.0.0-mock');
  await expect(page.getByTestId('data-dir')).toHaveText('Data folder: /mock/data');
});

test('every page is reachable by keyboard alone and focus lands on the content', async ({ page }) => {
  await page.goto('/?mock=demo');
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

test('the Home entry point leads to Assets → Amazon Web Services → Connect new account', async ({ page }) => {
  // A reseller or distributor Admin first chooses the customer.
  await page.goto('/?mock=demo');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Which customer?' })).toBeFocused();
  // A customer's own Admin goes straight to the stepper, at its first step, focused.
  await page.goto('/?mock=customer');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Amazon Web Services' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeFocused();
  // From Assets itself: "Connect new account".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click();
  await page.getByRole('button', { name: 'Connect new account' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeVisible();
});

test('a backend error is shown with its remedy', async ({ page }) => {
  await page.goto('/?mock=appInfoError');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('permission denied');
  await expect(alert).toContainText('How to fix it:');
  await expect(alert).toHaveAttribute('data-error-code', 'io');
});

test('switching to Japanese translates the frame and is remembered', async ({ page }) => {
  await page.goto('/?mock=demo');
  await page.getByTestId('language').selectOption('ja');
  await expect(page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '顧客' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'AWS 管理アカウントを接続' })).toBeVisible();
});

for (const path of ['#/home', '#/customers', '#/assets', '#/validation', '#/support']) {
  test(`no serious accessibility violation on ${path}`, async ({ page }) => {
    await page.goto(`/?mock=demo${path}`);
    await expect(page.getByTestId('app-version')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('dark theme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?mock=demo');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
});
