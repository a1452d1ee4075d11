import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/lib/i18n/core.svelte';
import { expand, index, query, ALL } from '../../src/lib/customerList';
import type { CustomerProgress } from '../../src/lib/bindings';

// The window renders the core's messages from the core's own Fluent catalogs
// (the same files the CLI renders in Rust).
describe("the core's messages", () => {
  it('render in English and Japanese from their id and arguments', () => {
    const text = { id: 'check-readable-pass', args: { count: 3 } };
    expect(renderText('en', text)).toBe('All 3 data file(s) open and read correctly.');
    expect(renderText('ja', text)).toBe('3 件のデータファイルすべてを正しく開いて読めました。');
    const hourly = { id: 'check-hourly-fail', args: { span: 'monthly', n: 30, count: 4, total: 4 } };
    expect(renderText('en', hourly)).toBe('The report is monthly: 4 of 4 sampled rows span 30 days (monthly) instead of 1 hour.');
    expect(renderText('ja', hourly)).toContain('30 日（月別）');
  });

  it('render an argument that is itself a message in the same language (a noun, a reason, a list)', () => {
    const err = { id: 'input-err-name-length', args: { what: { id: 'field-company-name', args: {} } } };
    expect(renderText('en', err)).toBe('the company name is empty or too long');
    expect(renderText('ja', err)).toBe('会社名が空か、長すぎます');
    const who = {
      id: 'either',
      args: {
        first: { id: 'auth-org-of-kind', args: { name: 'Dist', kind: 'distributor' } },
        rest: { id: 'auth-org-of-kind', args: { name: 'Resell One', kind: 'reseller' } },
      },
    };
    expect(renderText('en', who)).toBe('Dist (distributor) or Resell One (reseller)');
    expect(renderText('ja', who)).toBe('Dist（販売代理店） または Resell One（リセラー）');
  });

  it('fall back to the id of an unknown message rather than nothing', () => {
    expect(renderText('ja', { id: 'no-such-message', args: {} })).toBe('no-such-message');
  });
});

function row(id: string, customer: string, parent: string, percent: number, health: CustomerProgress['health'], part = 2): CustomerProgress {
  const t = { id: 'next-nothing', args: {} };
  return { customer_id: id, customer, parent, part, step: 'contract', percent, blocker: null, who_must_act: t, next_action: t, health, waiting_since: null };
}

describe('the Customers list at scale', () => {
  // As the core lists them: by name.
  const list = index([
    row('2', 'Alpha', 'Resell Two', 80, 'failed', 3),
    row('3', 'Beta', 'Resell One', 10, 'warnings'),
    row('4', 'Delta', 'Resell Two', 10, 'valid'),
    row('1', 'Zeta', 'Resell One', 25, 'valid'),
  ]);

  it('searches customer and reseller names, whatever the case', () => {
    expect(query(list, { ...ALL, search: 'RESELL one' }).map((r) => r.customer)).toEqual(['Beta', 'Zeta']);
    expect(query(list, { ...ALL, search: 'alp' }).map((r) => r.customer)).toEqual(['Alpha']);
  });

  it('filters by health and part, and sorts by name, progress or health', () => {
    expect(query(list, { ...ALL, health: 'failed' }).map((r) => r.customer)).toEqual(['Alpha']);
    expect(query(list, { ...ALL, part: 3 }).map((r) => r.customer)).toEqual(['Alpha']);
    expect(query(list, ALL).map((r) => r.customer)).toEqual(['Alpha', 'Beta', 'Delta', 'Zeta']);
    // Equal keys stay in name order.
    expect(query(list, { ...ALL, sort: 'progress' }).map((r) => r.customer)).toEqual(['Beta', 'Delta', 'Zeta', 'Alpha']);
    expect(query(list, { ...ALL, sort: 'health' }).map((r) => r.customer)).toEqual(['Alpha', 'Beta', 'Delta', 'Zeta']);
  });
});

describe("the core's progress table", () => {
  // Two customers of one reseller share its "who must act"; one is blocked.
  const who = { id: 'who-parent-admin', args: { parent: 'Resell One' } };
  const table = {
    texts: [{ id: 'blocker-no-contract', args: {} }, who, { id: 'next-assign-contract', args: {} }, { id: 'next-nothing', args: {} }],
    parents: ['Resell One', 'Resell Two'],
    customer_id: ['a', 'b', 'c'],
    customer: ['Acme', 'Beta', 'Gamma'],
    parent: [0, 1, 0],
    part: [2, 4, 2],
    step: ['contract', 'done', 'contract'] as const,
    percent: [25, 100, 25],
    blocker: [0, null, 0],
    who_must_act: [1, 1, 1],
    next_action: [2, 3, 2],
    health: ['not_available', 'valid', 'failed'] as const,
    waiting_since: [null, null, '2026-11-30'],
  };

  it('expands into rows in order, each pointing at its messages and parent', () => {
    const list = expand({ ...table, step: [...table.step], health: [...table.health] });
    expect(list.rows.map((r) => [r.customer_id, r.customer, r.parent, r.part, r.step, r.percent, r.health, r.waiting_since])).toEqual([
      ['a', 'Acme', 'Resell One', 2, 'contract', 25, 'not_available', null],
      ['b', 'Beta', 'Resell Two', 4, 'done', 100, 'valid', null],
      ['c', 'Gamma', 'Resell One', 2, 'contract', 25, 'failed', '2026-11-30'],
    ]);
    expect(list.rows.map((r) => r.blocker?.id ?? null)).toEqual(['blocker-no-contract', null, 'blocker-no-contract']);
    expect(list.rows.map((r) => r.next_action.id)).toEqual(['next-assign-contract', 'next-nothing', 'next-assign-contract']);
    expect(list.rows[2].who_must_act).toEqual(who);
    // Searched by customer and reseller name, as a list of rows is.
    expect(query(list, { ...ALL, search: 'resell two' }).map((r) => r.customer)).toEqual(['Beta']);
    expect(list.text).toEqual(index(list.rows).text);
  });
});
