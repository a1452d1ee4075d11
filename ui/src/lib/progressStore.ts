// Every customer's progress, kept between pages: Customers and Validation show
// the last answer at once and then the core's fresh one (stale-while-revalidate).
// The core answers in columns with each message once (~1 MB at 10 000 customers,
// see progress/table.rs); from here a page switch draws without waiting for it.
// The list is asked for once after sign-in, so the first visit finds it too, and
// forgotten when the user signs out (it is that user's view).
import type { Backend, IpcError } from './backend';
import { expand, type Indexed } from './customerList';

export type Loaded = { list: Indexed } | { error: IpcError };

let latest: Indexed | null = null;
let inflight: Promise<Loaded> | null = null;
// Bumped by forgetProgress(): an answer asked for by an earlier user is not kept.
let generation = 0;
// Requests in the order they were made, and the newest one kept: answers may
// arrive out of order, and an older one never replaces a newer one.
let asked = 0;
let kept = 0;

/** The last answer, if any (may be stale: load() refreshes it). */
export function cachedProgress(): Indexed | null {
  return latest;
}

/** The core's answer. Callers that have just changed something pass `fresh`, so
 *  that a request started before their change is not reused. */
export function loadProgress(backend: Backend, fresh = false): Promise<Loaded> {
  if (inflight && !fresh) return inflight;
  const forUser = generation;
  const seq = ++asked;
  const request = backend.customerProgress().then((res): Loaded => {
    if (inflight === request) inflight = null;
    if (res.status !== 'ok') return { error: res.error };
    performance.mark('channelops:progress-answer');
    const list = expand(res.data);
    performance.mark('channelops:progress-rows');
    if (forUser !== generation) return { list };
    if (seq > kept) {
      latest = list;
      kept = seq;
    }
    // The newest answer there is (a later request may have come back first).
    return { list: latest ?? list };
  });
  inflight = request;
  return request;
}

/** On sign-out or a switch of user. */
export function forgetProgress(): void {
  latest = null;
  inflight = null;
  generation += 1;
}
