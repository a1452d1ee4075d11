import { describe, expect, it } from 'vitest';
import { PAGES, hashFor, pageFromHash } from '../../src/lib/nav';

describe('page addresses', () => {
  it('round-trips every page through its hash', () => {
    for (const page of PAGES) expect(pageFromHash(hashFor(page))).toBe(page);
  });

  it('falls back to Home for empty or unknown addresses and ignores sub-paths', () => {
    expect(pageFromHash('')).toBe('home');
    expect(pageFromHash('#/nope')).toBe('home');
    expect(pageFromHash('#/customers/42')).toBe('customers');
    expect(pageFromHash('#validation?x=1')).toBe('validation');
  });
});
