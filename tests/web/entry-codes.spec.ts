// The one-time codes of `baluchon web`'s entry address: random, good once, short-lived.
import { describe, expect, it } from 'vitest';
import { createEntryCodes } from '../../src/web/entry-codes.ts';

describe('createEntryCodes', () => {
  it('lets a code in once, never twice', () => {
    const codes = createEntryCodes({ now: () => 0 });
    const code = codes.mint();
    expect(codes.redeem(code)).toBe(true);
    expect(codes.redeem(code)).toBe(false);
  });

  it('refuses a code past its lifetime, and one never given', () => {
    let now = 0;
    const codes = createEntryCodes({ now: () => now, lifetimeMs: 1000 });
    const late = codes.mint();
    const inTime = codes.mint();
    now = 999;
    expect(codes.redeem(inTime)).toBe(true);
    now = 1000;
    expect(codes.redeem(late)).toBe(false);
    expect(codes.redeem('not-a-code')).toBe(false);
    expect(codes.redeem('')).toBe(false);
  });

  it('gives long random codes, each different', () => {
    const codes = createEntryCodes({ now: () => 0 });
    const given = new Set(Array.from({ length: 50 }, () => codes.mint()));
    expect(given.size).toBe(50);
    for (const code of given) expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
