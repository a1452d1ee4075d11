// What the UI shows of a customer's progress (derived by the core): the labels of
// its source-data health, and whether Part 3 may start yet.
import type { CustomerProgress, Health } from './bindings';
import type { MessageKey } from './i18n/en';

export const HEALTH_LABELS: Record<Health, MessageKey> = {
  valid: 'health.valid',
  warnings: 'health.warnings',
  failed: 'health.failed',
  not_available: 'health.notAvailable',
};

/** Part 3 is blocked while the customer is still in Part 1 or 2 (no contract). */
export const part3Blocked = (p: CustomerProgress): boolean => p.part < 3;
