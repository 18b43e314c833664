import { describe, expect, it } from 'vitest';
import { normaliseTzid } from '../../../src/ical/timezones/normalise-tzid.ts';

describe('normaliseTzid', () => {
  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['Europe/lisbon', 'Europe/Lisbon'],
    ['EUROPE/PARIS', 'Europe/Paris'],
    ['US/Central', 'America/Chicago'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Etc/UTC', 'Etc/UTC'],
    ['UTC', 'Etc/UTC'],
    ['Africa/Ceuta', 'Africa/Ceuta'],
    [' "Europe/Berlin" ', 'Europe/Berlin'],
    ['/mozilla.org/20050126_1/Europe/Paris', 'Europe/Paris'],
    ['/freeassociation.sourceforge.net/Tzfile/America/New_York', 'America/New_York'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseTzid(raw)).toBe(expected);
  });

  it.each(['W. Europe Standard Time', '(UTC+01:00) Amsterdam, Berlin', 'Mars/Olympus_Mons', ''])(
    'knows no zone for %j',
    (raw) => {
      expect(normaliseTzid(raw)).toBeUndefined();
    },
  );

  it('gives names the runtime accepts, and gives the same name again for its own output', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const name = normaliseTzid(zone);
      expect(name, zone).toBeDefined();
      expect(() => new Intl.DateTimeFormat('en', { timeZone: name })).not.toThrow();
      expect(normaliseTzid(name ?? ''), zone).toBe(name);
    }
  });
});
