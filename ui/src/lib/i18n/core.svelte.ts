// Messages made by the Rust core (check results and remedies, blockers, next
// actions, errors) arrive as `Text`: a stable id and its arguments. They are
// rendered here from the core's own Fluent catalogs — the same files the CLI
// renders with the Rust implementation of Fluent — in the window's language.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import enFtl from '../../../../src-tauri/crates/channelops-core/locales/en/core.ftl?raw';
import jaFtl from '../../../../src-tauri/crates/channelops-core/locales/ja/core.ftl?raw';
import type { Text } from '../bindings';
import { i18n, type Locale } from './index.svelte';

function bundle(locale: Locale, source: string): FluentBundle {
  // No isolation marks around arguments: paths and AWS ids are copied from the page.
  const b = new FluentBundle(locale, { useIsolating: false });
  b.addResource(new FluentResource(source));
  return b;
}

const bundles: Record<Locale, FluentBundle> = { en: bundle('en', enFtl), ja: bundle('ja', jaFtl) };

/** `text` in `locale`; an id missing there falls back to English, then to the id itself.
 *  An argument that is itself a message (a noun, an error's reason) is rendered first. */
export function renderText(locale: Locale, text: Text): string {
  const args: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(text.args ?? {})) {
    if (v === undefined) continue;
    args[k] = typeof v === 'object' ? renderText(locale, v) : v;
  }
  for (const b of [bundles[locale], bundles.en]) {
    const message = b.getMessage(text.id);
    if (message?.value) return b.formatPattern(message.value, args, []);
  }
  return text.id;
}

/** A message of the core in the window's language (reactive: re-renders on a
 *  language change); nothing for none. */
export function tc(text: Text | null | undefined): string {
  return text ? renderText(i18n.locale, text) : '';
}
