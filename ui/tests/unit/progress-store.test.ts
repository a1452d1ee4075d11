import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/lib/backend';
import type { CustomerProgress, ProgressTable } from '../../src/lib/bindings';
import { cachedProgress, forgetProgress, loadProgress } from '../../src/lib/progressStore';

function row(customer: string): CustomerProgress {
  const t = { id: 'next-nothing', args: {} };
  return { customer_id: customer, customer, parent: 'R', part: 2, step: 'contract', percent: 25, blocker: null, who_must_act: t, next_action: t, health: 'not_available', waiting_since: null };
}

/** The core's columns for these rows (each row's messages listed anew: sharing is the core's business). */
function tableOf(rows: CustomerProgress[]): ProgressTable {
  const texts = rows.flatMap((r) => [r.who_must_act, r.next_action]);
  return {
    texts,
    parents: rows.map((r) => r.parent),
    customer_id: rows.map((r) => r.customer_id),
    customer: rows.map((r) => r.customer),
    parent: rows.map((_, i) => i),
    part: rows.map((r) => r.part),
    step: rows.map((r) => r.step),
    percent: rows.map((r) => r.percent),
    blocker: rows.map(() => null),
    who_must_act: rows.map((_, i) => 2 * i),
    next_action: rows.map((_, i) => 2 * i + 1),
    health: rows.map((r) => r.health),
    waiting_since: rows.map((r) => r.waiting_since),
  };
}

/** A backend whose answers the test releases one by one, in any order. */
function heldBackend() {
  const pending: Array<(rows: CustomerProgress[]) => void> = [];
  const backend = {
    customerProgress: () => new Promise((ok) => pending.push((rows) => ok({ status: 'ok', data: tableOf(rows) }))),
  } as unknown as Backend;
  return { backend, pending };
}

describe('the progress list kept between pages', () => {
  it('shares one request between pages, and an older answer never replaces a newer one', async () => {
    forgetProgress();
    const { backend, pending } = heldBackend();
    const first = loadProgress(backend);
    expect(loadProgress(backend)).toBe(first); // a second page waits for the same answer
    const fresh = loadProgress(backend, true); // after a change: its own request
    expect(pending).toHaveLength(2);
    pending[1]([row('Acme'), row('Initech')]); // the newer answer comes back first
    const got = await fresh;
    expect('list' in got && got.list.rows.map((r) => r.customer)).toEqual(['Acme', 'Initech']);
    pending[0]([row('Acme')]);
    const late = await first;
    expect('list' in late && late.list.rows.map((r) => r.customer)).toEqual(['Acme', 'Initech']);
    expect(cachedProgress()?.rows).toHaveLength(2);
  });

  it("forgets the list at sign-out, and keeps no answer asked for by the user before", async () => {
    forgetProgress();
    const { backend, pending } = heldBackend();
    const before = loadProgress(backend);
    forgetProgress(); // another user signs in
    pending[0]([row('Acme')]);
    await before;
    expect(cachedProgress()).toBeNull();
  });
});
