import { describe, expect, it } from 'vitest';
import { readableStart, whereOf } from '../../src/ical/describe-event.ts';

describe('describe-event', () => {
  it.each([
    ['2021-11-26', '2021-11-26'],
    ['2021-11-26T21:30:00', '2021-11-26 21:30'],
    ['2021-11-26T21:30:00Z', '2021-11-26 21:30 UTC'],
    ['20211126T213000Z', '2021-11-26 21:30 UTC'],
    ['20211126', '2021-11-26'],
    ['nonsense', undefined],
  ])('readableStart(%s) = %s', (input, expected) => {
    expect(readableStart(input)).toBe(expected);
  });

  it('names an item by title and start, by UID when it has no title', () => {
    expect(whereOf('Karaoke', '2021-11-26 21:30', 'u@x')).toBe('Karaoke (2021-11-26 21:30)');
    expect(whereOf('  ', undefined, 'u@x')).toBe('u@x');
  });
});
