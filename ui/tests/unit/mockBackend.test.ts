import { describe, expect, it } from 'vitest';
import { createMockBackend, mockOptionsFromQuery } from '../../src/lib/mockBackend';

describe('mock backend', () => {
  it('answers appInfo with the generated AppInfo shape and the overrides given', async () => {
    const res = await createMockBackend({ appInfo: { version: '9.9.9' } }).appInfo();
    expect(res.status).toBe('ok');
    if (res.status === 'ok') {
      expect(res.data.version).toBe('9.9.9');
      expect(res.data.data_dir).toBe('/mock/data');
      expect(res.data.data_dir_writable).toBe(true);
    }
  });

  it('returns errors as {code, message, remedy} for the error scenario', async () => {
    const res = await createMockBackend(mockOptionsFromQuery('?mock=appInfoError')).appInfo();
    expect(res.status).toBe('error');
    if (res.status === 'error') {
      expect(res.error.code).toBe('io');
      expect(res.error.remedy).toMatch(/access/);
    }
  });

  it('ignores unknown scenarios', () => {
    expect(mockOptionsFromQuery('?mock=whatever')).toEqual({});
  });
});
