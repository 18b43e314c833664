// The scan and migrate inputs name where the data is: `source` (a Takeout's parts or a connected
// account), or the older `paths` existing callers send — exactly one of the two.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/contract/index.ts';
import { sourceSpecOf } from '../../src/sources/source-spec.ts';

const scan = commands.startScan.input;
const migrate = commands.startMigration.input;

describe('the scan and migrate inputs', () => {
  it('take a Takeout as `paths` (as before) or as a `source`', () => {
    expect(scan.safeParse({ paths: ['/a.zip'] }).success).toBe(true);
    expect(scan.safeParse({ source: { kind: 'takeout', paths: ['/a.zip'] } }).success).toBe(true);
    expect(
      migrate.safeParse({ source: { kind: 'takeout', paths: ['/a.zip'] }, accountId: 'to' })
        .success,
    ).toBe(true);
    expect(migrate.safeParse({ paths: ['/a.zip'], accountId: 'to' }).success).toBe(true);
  });

  it('take another host’s account by its id only', () => {
    const source = { kind: 'dav', accountId: 'old-host' };
    expect(scan.safeParse({ source }).success).toBe(true);
    expect(migrate.safeParse({ source, accountId: 'to' }).success).toBe(true);
    // No password, no address: the account is connected first, then named.
    const parsed = scan.safeParse({ source: { ...source, password: 'x' } });
    expect(parsed.success && parsed.data.source).toEqual(source);
    expect(scan.safeParse({ source: { kind: 'dav' } }).success).toBe(false);
    expect(scan.safeParse({ source: { kind: 'dav', accountId: '' } }).success).toBe(false);
  });

  it('refuse both, neither, and an empty list of parts', () => {
    const source = { kind: 'dav', accountId: 'old-host' };
    expect(scan.safeParse({ paths: ['/a.zip'], source }).success).toBe(false);
    expect(scan.safeParse({}).success).toBe(false);
    expect(migrate.safeParse({ accountId: 'to' }).success).toBe(false);
    expect(migrate.safeParse({ paths: ['/a.zip'], source, accountId: 'to' }).success).toBe(false);
    expect(scan.safeParse({ source: { kind: 'takeout', paths: [] } }).success).toBe(false);
    expect(scan.safeParse({ source: { kind: 'google', paths: ['/a.zip'] } }).success).toBe(false);
  });

  it('read as one SourceSpec whichever way it came', () => {
    expect(sourceSpecOf({ paths: ['/a.zip'] })).toEqual({ kind: 'takeout', paths: ['/a.zip'] });
    expect(sourceSpecOf({ source: { kind: 'dav', accountId: 'old-host' } })).toEqual({
      kind: 'dav',
      accountId: 'old-host',
    });
  });
});
