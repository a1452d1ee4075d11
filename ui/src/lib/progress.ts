// What the UI shows of a customer's progress (derived by the core): the labels of
// its source-data health, and whether Part 3 may start yet.
import type { AccountState, CustomerProgress, Health } from './bindings';
import type { MessageKey } from './i18n/en';

export const HEALTH_LABELS: Record<Health, MessageKey> = {
  valid: 'health.valid',
  warnings: 'health.warnings',
  failed: 'health.failed',
  not_available: 'health.notAvailable',
};

/** Part 3 is blocked while the customer is still in Part 1 or 2 (no contract). */
export const part3Blocked = (p: CustomerProgress): boolean => p.part < 3;

/** A cloud account's states (Part 3), as people read them. */
export const ACCOUNT_STATE_LABELS: Record<AccountState, MessageKey> = {
  entered: 'assets.state.entered',
  bucket_set: 'assets.state.bucketSet',
  stack_created: 'assets.state.stackCreated',
  cur_validated: 'assets.state.curValidated',
  confirmed: 'assets.state.confirmed',
  completed: 'assets.state.completed',
};
