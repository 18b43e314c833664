// One verdict per calendar, for the scan and the migration alike (src/sources/calendar-identity.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineClient } from './support/offline-client.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { planCalendarJobs } from '../../src/migration/plan-calendar-jobs.ts';
import {
  calendarColor,
  calendarIdentity,
  calendarRole,
  fallbackColor,
} from '../../src/sources/calendar-identity.ts';
import type { CalendarFile } from '../../src/sources/calendar-identity.ts';
import { openTakeoutSource } from '../../src/sources/takeout/open-takeout-source.ts';
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';

const fr = createI18n('fr').t;
const en = createI18n('en').t;
const ordinarySigns = { events: 3, sampled: 3, birthdayEvents: 0, holidayEvents: 0 };
const file = (over: Partial<CalendarFile>): CalendarFile => ({
  name: '',
  header: [],
  signs: ordinarySigns,
  ...over,
});

describe('calendarIdentity', () => {
  it('names the primary calendar in plain words and keeps the address in the description', () => {
    const identity = calendarIdentity(file({ name: 'agy35@gmail.com' }), fr);
    expect(identity.displayName).toBe('Agenda principal (Google)');
    expect(identity.description).toContain('agy35@gmail.com');
    expect(calendarIdentity(file({ name: 'agy35@gmail.com' }), en).displayName).toBe(
      'Main calendar (Google)',
    );
  });

  it('names other calendars after themselves, and a nameless one generically', () => {
    const identity = calendarIdentity(file({ name: 'Famille' }), fr);
    expect(identity.displayName).toBe('Famille (Google)');
    expect(identity.description).toBe('Copié depuis l’agenda Google « Famille » par Baluchon.');
    expect(calendarIdentity(file({}), en).displayName).toBe('Calendar (Google)');
  });

  it('settles generated calendars by Google’s calendar id, else by 80 % of the events', () => {
    const byId = file({
      header: [{ name: 'X-WR-RELCALID', value: 'fr.french#holiday@group.v.calendar.google.com' }],
    });
    expect(calendarRole(byId)).toBe('holidays');
    const signs = (birthdayEvents: number) => ({
      events: 10,
      sampled: 10,
      birthdayEvents,
      holidayEvents: 0,
    });
    expect(calendarRole(file({ signs: signs(8) }))).toBe('birthdays');
    expect(calendarRole(file({ signs: signs(7) }))).toBe('ordinary');
    // A name alone decides only for a calendar with no events.
    expect(calendarRole(file({ name: 'Anniversaires' }))).toBe('ordinary');
    const empty = { events: 0, sampled: 0, birthdayEvents: 0, holidayEvents: 0 };
    expect(calendarRole(file({ name: 'Anniversaires', signs: empty }))).toBe('birthdays');
  });

  it('offers the State’s feeds for French holidays, none for others’', () => {
    const holidays = { events: 4, sampled: 4, birthdayEvents: 0, holidayEvents: 4 };
    const french = calendarIdentity(file({ name: 'Jours fériés en France', signs: holidays }), fr);
    expect(french.role).toBe('holidays');
    expect(french.holidayFeeds?.[0]).toEqual({
      name: 'metropole',
      url: 'https://etalab.github.io/jours-feries-france-data/ics/jours_feries_metropole.ics',
    });
    for (const { name } of french.holidayFeeds ?? []) {
      expect(fr(`items:calendar.holiday-zones.${name}`), name).not.toContain('holiday-zones');
    }
    const belgian = calendarIdentity(file({ name: 'Feestdagen in België', signs: holidays }), fr);
    expect(belgian.role).toBe('holidays');
    expect(belgian.holidayFeeds).toBeNull();
  });

  it('reads Google’s colour, then COLOR, Apple’s and Outlook’s; never invents one', () => {
    expect(calendarColor(file({ googleColor: '#9FC6E7' }))).toBe('#9fc6e7');
    const apple = file({ header: [{ name: 'X-APPLE-CALENDAR-COLOR', value: '#FF2968FF' }] });
    expect(calendarColor(apple)).toBe('#ff2968');
    expect(calendarColor(file({ header: [{ name: 'COLOR', value: 'turquoise' }] }))).toBe(
      'turquoise',
    );
    expect(calendarColor(file({}))).toBeNull();
    expect(fallbackColor('Foot')).toMatch(/^#[0-9a-f]{6}$/);
    expect(fallbackColor('Foot')).toBe(fallbackColor('Foot'));
  });
});

// Google's holiday calendar as some exports write it: all-day events with Google's holiday UIDs,
// without TRANSP/CLASS. The scan used to require TRANSPARENT + PUBLIC (so: ordinary, ticked on
// "What we found"), the migration an all-day start (so: holidays, skipped) — the family saw a
// calendar ticked that was then not moved. One rule now, one answer.
const holidaysWithoutTransp = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'X-WR-CALNAME:Jours fériés en France',
  ...['20250101', '20250421', '20250501', '20250714'].flatMap((day, index) => [
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${day}`,
    `UID:${day}_${'abcdefghijklmnopqrstuv'.slice(index, index + 20)}@google.com`,
    `SUMMARY:Férié ${index + 1}`,
    'END:VEVENT',
  ]),
  'END:VCALENDAR',
  '',
].join('\r\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-identity-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a calendar the scan and the migration used to judge differently', () => {
  it('is holidays for both: the scan does not tick it, the migration does not move it', async () => {
    const root = join(dir, 'takeout-20250314T091500Z-001');
    mkdirSync(join(root, 'Takeout', 'Agenda'), { recursive: true });
    writeFileSync(join(root, 'Takeout', 'Agenda', 'Fériés.ics'), holidaysWithoutTransp);
    writeFileSync(
      join(root, 'Takeout', 'Agenda', 'Famille.ics'),
      holidaysWithoutTransp
        .replace('Jours fériés en France', 'Famille')
        .replace(/UID:\d{8}_/g, 'UID:famille-'),
    );

    const scan = await scanTakeout([root]);
    const byName = new Map(scan.calendars.map((calendar) => [calendar.name, calendar]));
    expect(byName.get('Jours fériés en France')?.generated).toBe('holidays');
    expect(byName.get('Famille')?.generated).toBeNull();

    const source = await openTakeoutSource([root], { t: fr });
    try {
      const inventory = await source.read({
        signal: new AbortController().signal,
        onProblem: () => undefined,
      });
      const roles = inventory.calendars.map((calendar) => calendar.identity.role).sort();
      expect(roles).toEqual(['holidays', 'ordinary']);
      // The planner obeys the verdict: one calendar to make, the holidays offered as feeds.
      const plan = await planCalendarJobs({
        calendars: inventory.calendars,
        client: offlineClient(),
        home: 'https://dav.example/calendars/famille/',
        signal: new AbortController().signal,
      });
      expect(plan.jobs.map((job) => job.spec.displayName)).toEqual(['Famille (Google)']);
      expect(plan.holidayFeeds?.[0]?.zone).toBe('metropole');
    } finally {
      await source.close();
    }
  });
});
