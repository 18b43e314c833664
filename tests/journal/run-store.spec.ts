// Recognising the same archive from one run to the next.
import { describe, expect, it } from 'vitest';
import { canonicalSources, sameSources } from '../../src/journal/run-store.ts';

describe('sameSources', () => {
  const parts = [
    { name: 'takeout-20250101T000000Z-001.zip', size: 2_147_483_648 },
    { name: 'takeout-20250101T000000Z-002.zip', size: 734_003_200 },
  ];

  it('is the same archive whatever the order the parts were given in', () => {
    expect(sameSources(parts, [...parts].reverse())).toBe(true);
    expect(canonicalSources([...parts].reverse())).toEqual(parts);
  });

  it('is another archive when a part is missing, added or of another size', () => {
    const [first, second] = parts;
    if (first === undefined || second === undefined) throw new Error('two parts');
    expect(sameSources(parts, [first])).toBe(false);
    expect(sameSources(parts, [...parts, { name: 'takeout-003.zip', size: 1 }])).toBe(false);
    expect(sameSources(parts, [first, { ...second, size: second.size + 1 }])).toBe(false);
  });
});
