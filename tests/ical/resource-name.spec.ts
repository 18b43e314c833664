import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resourceNameFor } from '../../src/ical/resource-name.ts';

describe('resourceNameFor', () => {
  it('is safe in a URL and stable, whatever the UID holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (uid) => {
        const name = resourceNameFor(uid, 'ics');
        expect(name).toMatch(/^[0-9a-f]{40}\.ics$/);
        expect(resourceNameFor(uid, 'ics')).toBe(name);
      }),
    );
  });

  it('gives distinct UIDs distinct names', () => {
    expect(resourceNameFor('a/b', 'ics')).not.toBe(resourceNameFor('a%2Fb', 'ics'));
    expect(resourceNameFor('x', 'vcf')).toBe('11f6ad8ec52a2984abaafd7c3b516503785c2072.vcf');
  });
});
