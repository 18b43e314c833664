import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../../src/hosts/geo/edit-distance.ts';

/** The textbook full-matrix optimal string alignment distance, as the oracle. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const previous = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe('boundedEditDistance', () => {
  it.each([
    ['saintetienne', 'saintetiene', 1],
    ['paris', 'pairs', 1],
    ['lyon', 'lyonn', 1],
    ['bordeaux', 'bordaux', 1],
    ['marseille', 'marsielle', 1],
  ])('%s → %s is %d', (a, b, expected) => {
    expect(boundedEditDistance(a, b, 3)).toBe(expected);
  });

  it('agrees with the full matrix up to the ceiling, and says "more" beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const expected = reference(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(expected > max ? max + 1 : expected);
      }),
      { numRuns: 500 },
    );
  });
});
