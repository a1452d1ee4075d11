import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/lib/backend';
import type { CustomerProgress } from '../../src/lib/bindings';
import { cachedProgress, forgetProgress, loadProgress } from '../../src/lib/progressStore';

function row(customer: string): CustomerProgress {
  const t = { id: 'next-nothing', args: {} };
  return { customer_id: customer, customer, parent: 'R', part: 2, step: 'contract', percent: 25, blocker: null, who_must_act: t, next_action: t, health: 'not_available', waiting_since: null };
}

/** A backend whose answers the test releases one by one, in any order. */
function heldBackend() {
  const pending: Array<(rows: CustomerProgress[]) => void> = [];
  const backend = {
    customerProgress: () => new Promise((ok) => pending.push((rows) => ok({ status: 'ok', data: rows }))),
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
