// The labels of a customer's source-data health (one place for every page).
import type { Health } from './bindings';
import type { MessageKey } from './i18n/en';

export const HEALTH_LABELS: Record<Health, MessageKey> = {
  valid: 'health.valid',
  warnings: 'health.warnings',
  failed: 'health.failed',
  not_available: 'health.notAvailable',
};
