import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timePerCall } from '../../support/time-per-call.ts';
import {
  parseDecimalDegree,
  parseProperties,
  subs,
} from '../../../src/hosts/chatonsinfos/parse-properties.ts';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/properties/${name}`, import.meta.url));
const read = (name: string) => parseProperties(fixture(name));
const entries = (name: string) => Object.fromEntries(read(name).values);

describe('parseProperties, one fixture per quirk', () => {
  it('skips # and ! comments and blank lines', () => {
    expect(entries('comments-and-blank-lines.properties')).toEqual({ key: 'value' });
  });

  it('accepts =, :, whitespace and nothing as separators', () => {
    expect(entries('separators.properties')).toEqual({
      equals: '1',
      colon: '2',
      space: '3',
      spaced: '4',
      spaced_colon: '5',
      tab: '6',
      empty: '',
      onlykey: '',
    });
  });

  it('decodes \\uXXXX escapes', () => {
    expect(read('unicode-escapes.properties').values.get('organization.name')).toBe(
      'Médiathèque « libre »',
    );
  });

  it('keeps a broken \\u escape as written and reports it, instead of failing the file', () => {
    const properties = read('bad-unicode-escape.properties');
    expect(properties.values.get('organization.name')).toBe('Broken \\u00zz escape');
    expect(properties.values.get('next')).toBe('fine');
    expect(properties.problems).toEqual([{ line: 1, issue: 'bad-unicode-escape' }]);
  });

  it('joins continued lines and drops their leading whitespace', () => {
    expect(entries('line-continuation.properties')).toEqual({
      'organization.description': 'Une association qui héberge des services',
      after: 'yes',
    });
  });

  it('ignores a UTF-8 byte order mark and Windows line ends', () => {
    expect(entries('bom-crlf.properties')).toEqual({
      'organization.name': 'Avec BOM',
      'organization.website': 'https://example.org/',
    });
  });

  it('reads old Mac line ends (CR only)', () => {
    expect(entries('cr-only-line-ends.properties')).toEqual({ first: '1', second: '2' });
  });

  it('reads Latin-1 files as Latin-1 and UTF-8 files as UTF-8', () => {
    const latin = read('latin1.properties');
    const utf8 = read('utf8.properties');
    expect(latin.encoding).toBe('latin-1');
    expect(utf8.encoding).toBe('utf-8');
    expect(latin.values.get('organization.name')).toBe('Médiathèque Écologie');
    expect(utf8.values.get('organization.name')).toBe('Médiathèque Écologie');
  });

  it('strips one pair of matching quotes, and only a matching pair', () => {
    expect(Object.fromEntries(subs(read('quoted-values.properties')))).toEqual({
      single: 'https://one.example/org.properties',
      double: 'https://two.example/org.properties',
      unbalanced: "'https://three.example/x",
    });
  });

  it('reads decimal degrees with a comma or a point, and refuses anything else', () => {
    const values = read('comma-decimal.properties').values;
    expect(parseDecimalDegree(values.get('organization.geolocation.latitude'))).toBe(45.764);
    expect(parseDecimalDegree(values.get('organization.geolocation.longitude'))).toBe(-4.4863);
    expect(parseDecimalDegree(values.get('bad.latitude'))).toBeUndefined();
    expect(parseDecimalDegree(undefined)).toBeUndefined();
  });

  it('unescapes separators inside keys and values', () => {
    expect(entries('escaped-separators.properties')).toEqual({
      'key=with:separators': 'value with \\ backslash',
      'space key': 'x',
      url: 'https://example.org/',
    });
  });

  it('keeps the last of duplicate keys, as Java does', () => {
    expect(entries('duplicate-keys.properties')).toEqual({ 'organization.name': 'Last' });
  });

  it('reads an empty file as no properties', () => {
    expect(read('empty.properties').values.size).toBe(0);
  });

  it('keeps a value whose continuation never comes (end of file)', () => {
    expect(entries('continuation-at-end-of-file.properties')).toEqual({
      'organization.name': 'Unfinished',
    });
  });
});

// Issue 12, point 3: a member's server could send one long line of backslashes (or of blanks
// before a last character) and freeze every family's refresh; `/\\*$/` took 100 s on 256 KiB.
describe('parseProperties on hostile lines', () => {
  const size = 32 * 1024;
  const plain = `key=${'a'.repeat(size)}`;

  it.each([
    ['backslashes', `key=${'\\'.repeat(size)}`],
    ['backslashes then a letter', `key=${'\\'.repeat(size)}x`],
    ['blanks then a letter', `key=${' '.repeat(size)}x`],
    ['blanks, then a backslash run on each line', `k=${' \\'.repeat(size / 2)}\n`.repeat(2)],
  ])('reads a line of %s in time linear in its length', (_, hostile) => {
    const baseline = timePerCall(() => parseProperties(plain));
    const cost = timePerCall(() => parseProperties(hostile), { rounds: 3 });
    // Linear, the two cost about the same (the hostile text unescapes to fewer characters).
    expect(cost / baseline).toBeLessThan(10);
  });

  it('still reads what those lines say', () => {
    expect(parseProperties(`a=x\\\\\nb=${' '.repeat(10)}y  \n`).values).toEqual(
      new Map([
        ['a', 'x\\'],
        ['b', 'y'],
      ]),
    );
  });
});
