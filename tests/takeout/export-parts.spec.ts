import { describe, expect, it } from 'vitest';
import { checkParts, orderParts, parsePartName } from '../../src/takeout/export-parts.ts';

describe('export parts', () => {
  it('reads Google’s part names, old and new', () => {
    expect(parsePartName('/dl/takeout-20190328T195144Z-001.zip')).toEqual({
      export: '20190328T195144Z',
      number: 1,
    });
    expect(parsePartName('takeout-20260318T202441Z-3-002.tgz')).toEqual({
      export: '20260318T202441Z-3',
      number: 2,
    });
    expect(parsePartName('/home/x/Takeout')).toBeNull();
  });

  it('orders parts by number whatever the order given, others after', () => {
    expect(
      orderParts([
        '/a/mine',
        '/a/takeout-20190328T195144Z-003.zip',
        '/a/takeout-20190328T195144Z-001.zip',
      ]),
    ).toEqual([
      '/a/takeout-20190328T195144Z-001.zip',
      '/a/takeout-20190328T195144Z-003.zip',
      '/a/mine',
    ]);
  });

  it('finds gaps and mixed exports', () => {
    expect(
      checkParts(['takeout-20190328T195144Z-001.zip', 'takeout-20190328T195144Z-004.zip']),
    ).toEqual({
      missing: [2, 3],
      mixed: false,
    });
    expect(
      checkParts(['takeout-20190328T195144Z-001.zip', 'takeout-20200101T000000Z-002.zip']),
    ).toEqual({
      missing: [],
      mixed: true,
    });
    expect(checkParts(['/home/x/Takeout'])).toEqual({ missing: [], mixed: false });
  });
});
