import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CALENDAR_KEEP, CalendarTally } from '../../src/takeout/calendar-tally.ts';
import type { CalendarFacts } from '../../src/takeout/calendar-tally.ts';
import { readICalendar } from '../../src/takeout/ical-components.ts';
import { sample, sampleNames } from './samples.ts';

async function tally(input: Readable, fileName: string): Promise<CalendarFacts> {
  const counter = new CalendarTally();
  for await (const item of readICalendar(input, { keep: CALENDAR_KEEP })) counter.add(item);
  return counter.result(fileName);
}

const text = (value: string): Readable => Readable.from([Buffer.from(value)]);

describe('CalendarTally over every real Google sample', () => {
  // Events are distinct UIDs: a series with its moved instances counts once (see each file).
  const expected: Record<string, CalendarFacts> = {
    'gcal-alarms-display-email.ics': {
      name: 'Nicco Kunzmann',
      color: null,
      events: 1,
      generated: null,
    },
    'gcal-allday-single.ics': { name: 'agy35@gmail.com', color: null, events: 1, generated: null },
    'gcal-apple-structured-location.ics': { name: 'ITC', color: null, events: 1, generated: null },
    // One override (written first) and its master: one event.
    'gcal-berlin-moved-instance.ics': {
      name: 'Partyborn Zeitgeist',
      color: null,
      events: 1,
      generated: null,
    },
    'gcal-chicago-weekly-exdates.ics': { name: 'School', color: null, events: 13, generated: null },
    // 2014_BIRTHDAY_… and BIRTHDAY_… (a master and three per-year overrides): two UIDs.
    'gcal-contacts-birthdays.ics': {
      name: "Contacts' birthdays and events",
      color: null,
      events: 2,
      generated: 'birthdays',
    },
    // No X-WR-CALNAME: named after its file.
    'gcal-denver-override-first.ics': {
      name: 'gcal-denver-override-first',
      color: null,
      events: 1,
      generated: null,
    },
    'gcal-fr-holidays-excerpt.ics': {
      name: 'Jours fériés en France',
      color: null,
      events: 4,
      generated: 'holidays',
    },
    // Two series, each with one moved instance.
    'gcal-sydney-moved-instances-allday.ics': {
      name: 'Test Calendar',
      color: null,
      events: 2,
      generated: null,
    },
    'gcal-utc-times-x-wr-timezone.ics': {
      name: 'This calendar features two events of which DTSTART and DTEND must be changed.',
      color: null,
      events: 2,
      generated: null,
    },
  };

  it('has an expectation for every sample', () => {
    expect(Object.keys(expected).sort()).toEqual(sampleNames('.ics'));
  });

  it.each(Object.entries(expected))('%s', async (name, facts) => {
    expect(await tally(sample(name), name.replace(/\.ics$/, ''))).toEqual(facts);
  });
});

describe('CalendarTally', () => {
  const calendar = (body: string, header = 'X-WR-CALNAME:Famille\n'): Readable =>
    text(`BEGIN:VCALENDAR\n${header}${body}END:VCALENDAR\n`);
  const event = (lines: string): string => `BEGIN:VEVENT\n${lines}\nEND:VEVENT\n`;

  it('counts overrides whose master is missing once per UID, and events without UID one by one', async () => {
    const body =
      event('UID:orphan\nRECURRENCE-ID:20240101T100000Z') +
      event('UID:orphan\nRECURRENCE-ID:20240108T100000Z') +
      event('SUMMARY:no uid') +
      event('SUMMARY:no uid either');
    expect((await tally(calendar(body), 'x')).events).toBe(3);
  });

  it('reads the colour a calendar states, and only then', async () => {
    const colored = await tally(
      calendar('', 'X-WR-CALNAME:A\nX-APPLE-CALENDAR-COLOR:#9FC6E7FF\n'),
      'a',
    );
    expect(colored.color).toBe('#9fc6e7');
    const named = await tally(calendar('', 'COLOR:turquoise\n'), 'b');
    expect(named.color).toBe('turquoise');
    const garbage = await tally(calendar('', 'X-APPLE-CALENDAR-COLOR:rgb(1,2,3)\n'), 'c');
    expect(garbage.color).toBeNull();
  });

  it('does not take a calendar for Google’s birthdays because of its name alone', async () => {
    const own = calendar(
      event('UID:abc@google.com\nSUMMARY:Anniversaire de Mamie'),
      'X-WR-CALNAME:Anniversaires\n',
    );
    expect((await tally(own, 'x')).generated).toBeNull();
    const empty = calendar('', 'X-WR-CALNAME:Anniversaires\n');
    expect((await tally(empty, 'x')).generated).toBe('birthdays');
  });

  it('recognises birthdays by their @virtual attendee, and holidays by their calendar id', async () => {
    const virtual = calendar(
      event('UID:x1@google.com\nATTENDEE;CN=Contacts:mailto:abc@virtual') +
        event('UID:x2@google.com\nATTENDEE;CN=Contacts:mailto:def@virtual'),
    );
    expect((await tally(virtual, 'x')).generated).toBe('birthdays');
    // Half of them only: the family's own calendar (src/sources/calendar-identity.ts, 80 %).
    const half = calendar(
      event('UID:x1@google.com\nATTENDEE;CN=Contacts:mailto:abc@virtual') +
        event('UID:x2@google.com'),
    );
    expect((await tally(half, 'x')).generated).toBeNull();
    const byId = calendar('', 'X-WR-RELCALID:fr.french#holiday@group.v.calendar.google.com\n');
    expect((await tally(byId, 'x')).generated).toBe('holidays');
  });

  it('does not take all-day transparent family events for holidays', async () => {
    const family = calendar(
      event(
        'UID:42sftcvqfh1jj1uk9lfrsufsi@google.com\nDTSTART;VALUE=DATE:20200814\nCLASS:PUBLIC\nTRANSP:TRANSPARENT',
      ),
    );
    expect((await tally(family, 'x')).generated).toBeNull();
  });

  it('decides on the first events of a long generated calendar, and still counts them all', async () => {
    const many = Array.from({ length: 1200 }, (_v, i) =>
      event(`UID:BIRTHDAY_${i.toString(16)}@google.com\nATTENDEE:mailto:x${i}@virtual`),
    ).join('');
    expect(await tally(calendar(many), 'x')).toMatchObject({
      events: 1200,
      generated: 'birthdays',
    });
  });

  it('reports damage and still counts the complete events', async () => {
    const counter = new CalendarTally();
    const input = text('BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\n');
    for await (const item of readICalendar(input, { keep: CALENDAR_KEEP })) counter.add(item);
    expect(counter.result('x').events).toBe(1);
    // Where the cut event starts.
    expect(counter.problems.firstDamage()).toBe(5);
  });
});
