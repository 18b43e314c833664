import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarTimezoneText } from '../../../src/ical/timezones/calendar-timezone.ts';

describe('calendarTimezoneText', () => {
  it('is a VCALENDAR with exactly the one VTIMEZONE, under its IANA name', () => {
    const text = calendarTimezoneText('europe/paris', 2020);
    const calendar = new ICAL.Component(ICAL.parse(text ?? '') as unknown[]);
    const zones = calendar.getAllSubcomponents();
    expect(zones.map((zone) => zone.name)).toEqual(['vtimezone']);
    expect(zones[0]?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
  });

  it('is undefined for a zone nobody knows', () => {
    expect(calendarTimezoneText('W. Europe Standard Time', 2020)).toBeUndefined();
  });
});
