// Message lookup with a reactive locale (Svelte 5 runes). Components call t(key)
// in their markup; changing the locale re-renders them.
//
// The chosen language is kept by the app in its data folder (Rust `preferences`,
// `appInfo().language`, `setLanguage`), not in the web view's storage: see
// App.svelte and LanguagePicker.svelte.
import type { Language } from '../bindings';
import { en, type MessageKey } from './en';
import { ja } from './ja';

/** The languages of the catalogs: exactly the core's `Language` (a type error otherwise). */
export const LOCALES = ['en', 'ja'] as const satisfies readonly Language[];
export type Locale = Language;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice, else the system language when we have it, else English. */
export function initialLocale(saved: string | null, systemLanguages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const lang of systemLanguages) {
    const base = lang.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

// Until the app has said what was saved: the system language.
export const i18n = $state({
  locale: initialLocale(null, globalThis.navigator?.languages ?? []),
});

/** Shows the UI in `locale` (saving it is the caller's business: `backend.setLanguage`). */
export function setLocale(locale: Locale): void {
  i18n.locale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Formats a message: `{name}` placeholders are replaced from `params`. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogs[locale][key], params);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(i18n.locale, key, params);
}

/** A date (or ISO timestamp) in the chosen language, e.g. "10 December 2026" / "2026年12月10日". */
export function fmtDate(iso: string, locale: Locale = i18n.locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(d);
}

/** A number in the chosen language (grouping, decimal mark). */
export function fmtNumber(n: number, maximumFractionDigits = 1, locale: Locale = i18n.locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n);
}

/** Bytes as MB in the chosen language. */
export function fmtMB(bytes: number, locale: Locale = i18n.locale): string {
  return `${fmtNumber(bytes / 1e6, 1, locale)} MB`;
}
