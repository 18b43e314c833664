import { describe, expect, it } from 'vitest';
import { readCalendarHeader, unescapeText } from '../../src/ical/calendar-source.ts';

describe('readCalendarHeader', () => {
  it('reads X-WR properties as text, folded lines included', () => {
    const header = readCalendarHeader(
      [
        'BEGIN:VCALENDAR',
        'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Famille\\, amis',
        'X-WR-CALDESC:Alle Events des Zeitgeist Paderborn für den Partyborn Partyala',
        ' rm\\nhttps://partyborn.de/partyalarm',
        'X-WR-TIMEZONE:Europe/Paris',
        'THIS IS NOT A PROPERTY',
        '',
      ].join('\r\n'),
    );
    expect(header).toEqual({
      PRODID: '-//Google Inc//Google Calendar 70.9054//EN',
      METHOD: 'PUBLISH',
      'X-WR-CALNAME': 'Famille, amis',
      'X-WR-CALDESC':
        'Alle Events des Zeitgeist Paderborn für den Partyborn Partyalarm\nhttps://partyborn.de/partyalarm',
      'X-WR-TIMEZONE': 'Europe/Paris',
    });
  });

  it('unescapes TEXT', () => {
    expect(unescapeText('a\\,b\\;c\\nd\\Ne\\\\f')).toBe('a,b;c\nd\ne\\f');
  });
});
