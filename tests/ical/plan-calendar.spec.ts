import { describe, expect, it } from 'vitest';
import { classifyCalendar, normaliseColor, planCalendar } from '../../src/ical/plan-calendar.ts';
import { surveyCalendar } from '../../src/ical/survey-calendar.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { sourceFromFile } from './support/calendar-file.ts';
import { SAMPLES } from './support/prepare.ts';

const fr = createI18n('fr').t;
const en = createI18n('en').t;
const none = { uids: 3, birthdayUids: 0, holidayUids: 0 };

async function planSample(name: string, language = fr) {
  const source = sourceFromFile(SAMPLES + name);
  return planCalendar(source.header, (await surveyCalendar(source)).signs, language);
}

describe('planCalendar', () => {
  it('names the primary calendar in plain words and keeps the address in the description', async () => {
    const plan = await planSample('gcal-allday-single.ics');
    expect(plan.displayName).toBe('Agenda principal (Google)');
    expect(plan.description).toContain('agy35@gmail.com');
    expect((await planSample('gcal-allday-single.ics', en)).displayName).toBe(
      'Main calendar (Google)',
    );
  });

  it('names other calendars after themselves', () => {
    const plan = planCalendar({ 'X-WR-CALNAME': 'Famille' }, none, fr);
    expect(plan.displayName).toBe('Famille (Google)');
    expect(plan.description).toBe('Copié depuis l’agenda Google « Famille » par Baluchon.');
  });

  it('falls back on the file name, then on a generic name', () => {
    expect(planCalendar({}, none, en, { fallbackName: 'Foot' }).displayName).toBe('Foot (Google)');
    expect(planCalendar({}, none, en).displayName).toBe('Calendar (Google)');
  });

  it('recognises the contacts’ birthdays calendar, which is not copied', async () => {
    const plan = await planSample('gcal-contacts-birthdays.ics');
    expect(plan.generated).toBe('birthdays');
    expect(plan.holidays).toBeUndefined();
  });

  it('recognises French holidays and suggests the State’s feed for each zone', async () => {
    const plan = await planSample('gcal-fr-holidays-excerpt.ics');
    expect(plan.generated).toBe('holidays');
    expect(plan.holidays?.kind).toBe('subscription');
    if (plan.holidays?.kind !== 'subscription') return;
    expect(plan.holidays.feeds[0]).toEqual({
      zone: 'metropole',
      url: 'https://etalab.github.io/jours-feries-france-data/ics/jours_feries_metropole.ics',
    });
    expect(plan.holidays.feeds.map((feed) => feed.zone)).toContain('la-reunion');
    for (const { zone } of plan.holidays.feeds) {
      expect(fr(`items:calendar.holiday-zones.${zone}`), zone).not.toContain('holiday-zones');
      expect(en(`items:calendar.holiday-zones.${zone}`), zone).not.toContain('holiday-zones');
    }
  });

  it('for other countries’ holidays, points to the calendar app instead of guessing a feed', () => {
    const plan = planCalendar(
      { 'X-WR-CALNAME': 'Feestdagen in België' },
      { uids: 10, birthdayUids: 0, holidayUids: 10 },
      fr,
    );
    expect(plan.holidays).toEqual({ kind: 'calendar-app' });
  });

  it('treats an ordinary calendar as ordinary', async () => {
    const plan = await planSample('gcal-chicago-weekly-exdates.ics');
    expect(plan.generated).toBeNull();
    expect(plan.timezone).toBe('America/Chicago');
  });

  it('takes Google’s or Apple’s colour, else a stable pleasant one', () => {
    expect(planCalendar({}, none, fr, { googleColor: '#9fc6e7' }).color).toBe('#9FC6E7');
    expect(planCalendar({ 'X-APPLE-CALENDAR-COLOR': '#FF2968FF' }, none, fr).color).toBe('#FF2968');
    const a = planCalendar({ 'X-WR-CALNAME': 'Foot' }, none, fr).color;
    expect(a).toMatch(/^#[0-9A-F]{6}$/);
    expect(planCalendar({ 'X-WR-CALNAME': 'Foot' }, none, fr).color).toBe(a);
  });
});

describe('classifyCalendar', () => {
  it('needs most items to carry the marks', () => {
    expect(classifyCalendar({ uids: 0, birthdayUids: 0, holidayUids: 0 })).toBeNull();
    expect(classifyCalendar({ uids: 10, birthdayUids: 8, holidayUids: 0 })).toBe('birthdays');
    expect(classifyCalendar({ uids: 10, birthdayUids: 7, holidayUids: 0 })).toBeNull();
    expect(classifyCalendar({ uids: 10, birthdayUids: 0, holidayUids: 9 })).toBe('holidays');
  });
});

describe('normaliseColor', () => {
  it.each([
    ['#abc', '#AABBCC'],
    ['9fc6e7', '#9FC6E7'],
    ['#FF2968FF', '#FF2968'],
    ['red', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseColor(input)).toBe(expected);
  });
});
