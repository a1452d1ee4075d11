import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { ja } from '../../src/lib/i18n/ja';
import { fmtDate, fmtMB, fmtNumber, format, initialLocale, translate } from '../../src/lib/i18n/index.svelte';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && name !== 'bindings.ts' ? [path] : [];
  });
}

/** Every quoted string in the UI sources that looks like a message key. */
function keysUsedInSources(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z]+(?:\.[a-zA-Z]+)+)'/g)) used.add(m[1]);
  }
  return used;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('Japanese has exactly the English keys, each with the same placeholders and a non-empty text', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key].trim(), key).not.toBe('');
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('every key the UI uses exists in the catalog (no missing key)', () => {
    // A quoted string shaped like a key whose first segment is a catalog namespace.
    const namespaces = new Set(Object.keys(en).map((k) => k.split('.')[0]));
    const missing = [...keysUsedInSources()].filter((k) => !(k in en) && namespaces.has(k.split('.')[0]));
    expect(missing).toEqual([]);
  });

  it('every catalog key is used by the UI (no unused key)', () => {
    const used = keysUsedInSources();
    expect(Object.keys(en).filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('format and locale choice', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Version {version}', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translate('ja', 'status.version', { version: '9' })).toBe('バージョン 9');
  });

  it('formats dates and numbers in the chosen language', () => {
    expect(fmtDate('2026-12-10T12:00:00Z', 'en')).toBe('December 10, 2026');
    expect(fmtDate('2026-12-10T12:00:00Z', 'ja')).toBe('2026年12月10日');
    expect(fmtDate('not a date', 'en')).toBe('not a date');
    expect(fmtNumber(1234567.89, 1, 'en')).toBe('1,234,567.9');
    expect(fmtMB(254_000_000, 'ja')).toBe('254 MB');
    expect(fmtMB(1_290_000, 'en')).toBe('1.3 MB');
  });

  it('prefers the saved choice, then the system language, then English', () => {
    expect(initialLocale('ja', ['en-US'])).toBe('ja');
    expect(initialLocale(null, ['ja-JP', 'en'])).toBe('ja');
    expect(initialLocale('xx', ['fr-FR'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });
});
