// The app's pages and their addresses (#/customers …), so that pages can be
// linked, reloaded and reached with the browser's back button.
import type { MessageKey } from './i18n/en';

export const PAGES = ['home', 'customers', 'assets', 'validation', 'support'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_LABELS: Record<Page, MessageKey> = {
  home: 'nav.home',
  customers: 'nav.customers',
  assets: 'nav.assets',
  validation: 'nav.validation',
  support: 'nav.support',
};

export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'home';
}

export function hashFor(page: Page): string {
  return `#/${page}`;
}
