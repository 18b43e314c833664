import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validSegment } from '../../src/files/name-rules.ts';
import { encodeRelative, parentFolders, resolveInside } from '../../src/files/target-href.ts';
import { hostileName } from './support/hostile-names.ts';

const folder = 'https://cloud.example/remote.php/dav/files/marie/Google%20Drive%20(import%C3%A9)/';

describe('target hrefs', () => {
  it('encodes each segment on its own', () => {
    expect(encodeRelative(['Factures 2024', 'relevé #1?.pdf'])).toBe(
      'Factures%202024/relev%C3%A9%20%231%3F.pdf',
    );
    expect(resolveInside(folder, encodeRelative(['%2e%2e', 'a\\b']))).toBe(
      `${folder}%252e%252e/a%5Cb`,
    );
  });

  it('refuses what would leave the folder, even if planning let it through', () => {
    expect(() => encodeRelative(['..', 'x'])).toThrow(/files.unsafe-path/);
    expect(() => encodeRelative(['a', ''])).toThrow(/files.unsafe-path/);
    for (const relative of [
      '../x',
      'a/../../x',
      '/etc/passwd',
      'https://evil.example/x',
      '?x',
      'a//b',
    ]) {
      expect(() => resolveInside(folder, relative), relative).toThrow(/files.unsafe-path/);
    }
  });

  it('lists the folders above a file, top first', () => {
    expect(parentFolders(folder, 'a/b%20c/d.txt')).toEqual([`${folder}a/`, `${folder}a/b%20c/`]);
    expect(parentFolders(folder, 'd.txt')).toEqual([]);
  });

  it('any planned path resolves strictly inside the folder, segment for segment', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { minLength: 1, maxLength: 5 }), (names) => {
        const segments = names.map(validSegment);
        const url = new URL(resolveInside(folder, encodeRelative(segments)));
        expect(url.origin).toBe('https://cloud.example');
        expect(url.pathname.startsWith(new URL(folder).pathname)).toBe(true);
        const below = url.pathname.slice(new URL(folder).pathname.length).split('/');
        expect(below.map((segment) => decodeURIComponent(segment))).toEqual(segments);
      }),
      { numRuns: 2000 },
    );
  });
});
