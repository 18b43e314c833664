import { describe, expect, it } from 'vitest';
import { reasonLines, reasonTone } from '../../../renderer/src/hosts/reason-tone.ts';
import { suggestion } from './suggestion.ts';

describe('reasonTone', () => {
  it('reads registrations as good news, a warning or a reason not to choose', () => {
    expect(reasonTone({ code: 'registration', registration: 'open' })).toBe('good');
    expect(reasonTone({ code: 'registration', registration: 'members' })).toBe('good');
    expect(reasonTone({ code: 'registration', registration: 'unknown' })).toBe('warn');
    expect(reasonTone({ code: 'registration', registration: 'closed' })).toBe('bad');
  });

  it('warns of what is missing or not known', () => {
    expect(reasonTone({ code: 'missing', kinds: ['contacts'] })).toBe('warn');
    expect(reasonTone({ code: 'offer-unknown' })).toBe('warn');
    expect(reasonTone({ code: 'distance-unknown' })).toBe('warn');
    expect(reasonTone({ code: 'organisations-only' })).toBe('bad');
    expect(reasonTone({ code: 'distance', km: 3 })).toBe('neutral');
  });
});

describe('reasonLines', () => {
  it('pairs each sentence with its fact and leaves out the trailing date', () => {
    const host = suggestion({
      id: 'h',
      reasons: [
        { code: 'distance', km: 3 },
        { code: 'offers', kinds: ['files'], software: null },
      ],
      why: ['3 km away', 'offers files', 'information checked on November 24, 2026'],
    });
    expect(reasonLines(host)).toEqual([
      { text: '3 km away', tone: 'neutral' },
      { text: 'offers files', tone: 'good' },
    ]);
  });
});
