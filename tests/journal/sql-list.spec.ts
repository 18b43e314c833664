import { describe, expect, it } from 'vitest';
import { sqlList } from '../../src/journal/sql-list.ts';

describe('sqlList', () => {
  it('quotes state names for a SQL IN (…)', () => {
    expect(sqlList(['sent', 'verified'])).toBe(`'sent', 'verified'`);
  });

  it('refuses anything that is not a state name', () => {
    expect(() => sqlList(["sent') OR 1=1 --"])).toThrow(/not a state name/);
    expect(() => sqlList([''])).toThrow(/not a state name/);
  });
});
