// Google event resources → the raw iCalendar components the engine reads (event-to-ical.ts).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../../../src/contract/problem.ts';
import {
  CalendarConverter,
  eventsToIcal,
} from '../../../../src/sources/google/calendar/event-to-ical.ts';
import type {
  EventContext,
  GoogleEvent,
} from '../../../../src/sources/google/calendar/event-to-vevent.ts';

const context: EventContext = {
  defaultReminders: [{ method: 'popup', minutes: 30 }],
  accountAddress: 'camille.dupont@gmail.com',
};

function convert(events: GoogleEvent[], ctx = context) {
  const problems: ProblemFact[] = [];
  const result = eventsToIcal(events, 'Famille', ctx, (problem) => problems.push(problem));
  const components = result.components.map(
    (text) => new ICAL.Component(ICAL.parse(text) as unknown[]),
  );
  return {
    problems,
    signs: result.signs,
    events: components.filter((c) => c.name === 'vevent'),
    zones: components.filter((c) => c.name === 'vtimezone'),
    text: result.components.join(''),
  };
}

const base = {
  kind: 'calendar#event',
  status: 'confirmed',
  created: '2023-12-01T09:00:00.000Z',
  updated: '2023-12-02T09:00:00.000Z',
  sequence: 0,
} satisfies GoogleEvent;

function prop(component: ICAL.Component | undefined, name: string): string | undefined {
  const value: unknown = component?.getFirstPropertyValue(name);
  if (value === null || value === undefined) return undefined;
  if (value instanceof ICAL.Time || value instanceof ICAL.Duration || value instanceof ICAL.Recur) {
    return value.toString();
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

describe('Google events to iCalendar', () => {
  it('an all-day event has VALUE=DATE start and exclusive end', () => {
    const { events, zones } = convert([
      {
        ...base,
        id: 'a1',
        iCalUID: 'a1@google.com',
        summary: 'Vacances',
        start: { date: '2024-07-01' },
        end: { date: '2024-07-08' },
      },
    ]);
    expect(events).toHaveLength(1);
    const start = events[0]?.getFirstProperty('dtstart');
    expect(start?.type).toBe('date');
    expect(String(start?.getFirstValue())).toBe('2024-07-01');
    expect(prop(events[0], 'dtend')).toBe('2024-07-08');
    expect(zones).toHaveLength(0);
  });

  it('a one-off event without zone is UTC; with a zone it keeps TZID and gets one VTIMEZONE', () => {
    const { events, zones, text } = convert([
      {
        ...base,
        id: 'u1',
        iCalUID: 'u1@google.com',
        summary: 'UTC',
        start: { dateTime: '2024-01-08T18:00:00+01:00' },
        end: { dateTime: '2024-01-08T19:00:00+01:00' },
      },
      {
        ...base,
        id: 'z1',
        iCalUID: 'z1@google.com',
        summary: 'Paris',
        start: { dateTime: '2024-07-08T18:00:00+02:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2024-07-08T19:00:00+02:00', timeZone: 'Europe/Paris' },
      },
      {
        ...base,
        id: 'z2',
        iCalUID: 'z2@google.com',
        summary: 'Paris again',
        start: { dateTime: '2024-01-08T09:00:00Z', timeZone: 'Europe/Paris' },
        end: { dateTime: '2024-01-08T10:00:00Z', timeZone: 'Europe/Paris' },
      },
    ]);
    expect(text).toContain('DTSTART:20240108T170000Z');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20240708T180000');
    // 09:00 UTC in January is 10:00 in Paris.
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20240108T100000');
    expect(zones.map((zone) => prop(zone, 'tzid'))).toEqual(['Europe/Paris']);
    expect(events.map((event) => prop(event, 'summary'))).toEqual(['UTC', 'Paris', 'Paris again']);
  });

  it('a series keeps its recurrence, its exceptions get RECURRENCE-ID, cancelled instances become EXDATE', () => {
    const master: GoogleEvent = {
      ...base,
      id: 's1',
      iCalUID: 's1@google.com',
      summary: 'Chorale',
      start: { dateTime: '2024-01-08T18:00:00+01:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2024-01-08T19:00:00+01:00', timeZone: 'Europe/Paris' },
      recurrence: ['RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO'],
    };
    const moved: GoogleEvent = {
      ...base,
      id: 's1_20240212T170000Z',
      iCalUID: 's1@google.com',
      summary: 'Chorale (déplacée)',
      recurringEventId: 's1',
      originalStartTime: { dateTime: '2024-02-12T18:00:00+01:00', timeZone: 'Europe/Paris' },
      start: { dateTime: '2024-02-12T20:00:00+01:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2024-02-12T21:00:00+01:00', timeZone: 'Europe/Paris' },
    };
    const cancelled = (day: string): GoogleEvent => ({
      kind: 'calendar#event',
      id: `s1_${day}T170000Z`,
      status: 'cancelled',
      recurringEventId: 's1',
      originalStartTime: {
        dateTime: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T18:00:00+01:00`,
        timeZone: 'Europe/Paris',
      },
    });
    // Google's order is not ours: the exception and the cancellations come first.
    const { events, problems, signs } = convert([
      cancelled('20240122'),
      moved,
      cancelled('20240115'),
      master,
      { kind: 'calendar#event', id: 'gone', status: 'cancelled' },
    ]);
    expect(problems).toEqual([]);
    expect(signs.events).toBe(1);
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first?.hasProperty('recurrence-id')).toBe(false);
    // ical.js leaves out WKST=MO, the default (RFC 5545 §3.3.10): the same rule.
    expect(prop(first, 'rrule')).toBe('FREQ=WEEKLY;BYDAY=MO');
    const exdates = first?.getAllProperties('exdate') ?? [];
    expect(exdates.map((p) => [p.getParameter('tzid'), String(p.getFirstValue())])).toEqual([
      ['Europe/Paris', '2024-01-15T18:00:00'],
      ['Europe/Paris', '2024-01-22T18:00:00'],
    ]);
    expect(prop(second, 'uid')).toBe('s1@google.com');
    expect(second?.getFirstProperty('recurrence-id')?.getParameter('tzid')).toBe('Europe/Paris');
    expect(prop(second, 'recurrence-id')).toBe('2024-02-12T18:00:00');
    expect(prop(second, 'summary')).toBe('Chorale (déplacée)');
  });

  it('an all-day series: recurrence lines as given, a cancelled day as EXDATE;VALUE=DATE', () => {
    const { events, problems, zones, text } = convert([
      {
        ...base,
        id: 'd1',
        iCalUID: 'd1@google.com',
        summary: 'Marché',
        start: { date: '2024-03-02' },
        end: { date: '2024-03-03' },
        recurrence: [
          'RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20240601',
          'EXDATE;VALUE=DATE:20240309',
          'RDATE;TZID=America/New_York:20240612T090000',
        ],
      },
      {
        kind: 'calendar#event',
        id: 'd1_20240316',
        status: 'cancelled',
        recurringEventId: 'd1',
        originalStartTime: { date: '2024-03-16' },
      },
    ]);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20240601');
    expect(text).toContain('EXDATE;VALUE=DATE:20240309');
    expect(text).toContain('EXDATE;VALUE=DATE:20240316');
    expect(text).toContain('RDATE;TZID=America/New_York:20240612T090000');
    // The zone a recurrence line names gets its VTIMEZONE too.
    expect(zones.map((zone) => prop(zone, 'tzid'))).toEqual(['America/New_York']);
  });

  it('page by page: a deleted instance listed pages after its master still becomes its EXDATE', () => {
    const problems: ProblemFact[] = [];
    const converter = new CalendarConverter('Famille', context, (p) => problems.push(p));
    converter.add([
      {
        ...base,
        id: 'w1',
        iCalUID: 'w1@google.com',
        summary: 'Piscine',
        start: { dateTime: '2024-01-10T17:00:00+01:00', timeZone: 'Europe/Paris' },
        recurrence: ['RRULE:FREQ=WEEKLY'],
      },
    ]);
    converter.add([
      {
        kind: 'calendar#event',
        id: 'w1_20240117T160000Z',
        status: 'cancelled',
        recurringEventId: 'w1',
        originalStartTime: { dateTime: '2024-01-17T17:00:00+01:00', timeZone: 'Europe/Paris' },
      },
    ]);
    const { components } = converter.finish();
    expect(problems).toEqual([]);
    expect(components.join('')).toContain('EXDATE;TZID=Europe/Paris:20240117T170000');
    expect(components.filter((text) => text.startsWith('BEGIN:VEVENT'))).toHaveLength(1);
  });

  it('reminders: the calendar defaults for useDefault, overrides otherwise; e-mail to the account', () => {
    const { events } = convert([
      {
        ...base,
        id: 'r1',
        iCalUID: 'r1@google.com',
        start: { date: '2024-03-01' },
        end: { date: '2024-03-02' },
        reminders: { useDefault: true },
      },
      {
        ...base,
        id: 'r2',
        iCalUID: 'r2@google.com',
        start: { date: '2024-03-01' },
        end: { date: '2024-03-02' },
        reminders: {
          useDefault: false,
          overrides: [
            { method: 'popup', minutes: 10 },
            { method: 'email', minutes: 1440 },
          ],
        },
      },
    ]);
    const alarms = (event: ICAL.Component | undefined) =>
      (event?.getAllSubcomponents('valarm') ?? []).map((alarm) => [
        prop(alarm, 'action'),
        prop(alarm, 'trigger'),
        prop(alarm, 'attendee') ?? null,
      ]);
    expect(alarms(events[0])).toEqual([['DISPLAY', '-PT30M', null]]);
    expect(alarms(events[1])).toEqual([
      ['DISPLAY', '-PT10M', null],
      ['EMAIL', '-P1D', 'mailto:camille.dupont@gmail.com'],
    ]);
    // Without the account's address an e-mail reminder is shown instead of sent to nobody.
    const anonymous = convert(
      [
        {
          ...base,
          id: 'r3',
          iCalUID: 'r3@google.com',
          start: { date: '2024-03-01' },
          reminders: { useDefault: false, overrides: [{ method: 'email', minutes: 5 }] },
        },
      ],
      { defaultReminders: [], accountAddress: null },
    );
    expect(alarms(anonymous.events[0])).toEqual([['DISPLAY', '-PT5M', null]]);
  });

  it('guests and organizer never schedule, with their answers, roles and names', () => {
    const { events, text } = convert([
      {
        ...base,
        id: 'g1',
        iCalUID: 'g1@google.com',
        start: { dateTime: '2024-03-01T10:00:00Z' },
        end: { dateTime: '2024-03-01T11:00:00Z' },
        organizer: { email: 'alice@example.org', displayName: 'Alice Martin' },
        attendees: [
          { email: 'alice@example.org', organizer: true, responseStatus: 'accepted' },
          {
            email: 'bruno@example.org',
            displayName: 'Bruno',
            optional: true,
            responseStatus: 'tentative',
          },
          {
            email: 'salle@resource.calendar.google.com',
            resource: true,
            responseStatus: 'accepted',
          },
          { displayName: 'Sans adresse' },
        ],
      },
      {
        ...base,
        id: 'g2',
        iCalUID: 'g2@google.com',
        start: { dateTime: '2024-03-02T10:00:00Z' },
        organizer: { email: 'camille.dupont@gmail.com', self: true },
      },
    ]);
    const attendees = events[0]?.getAllProperties('attendee') ?? [];
    expect(attendees).toHaveLength(3);
    for (const attendee of attendees)
      expect(attendee.getParameter('schedule-agent')).toBe('CLIENT');
    expect(attendees[1]?.getParameter('partstat')).toBe('TENTATIVE');
    expect(attendees[1]?.getParameter('role')).toBe('OPT-PARTICIPANT');
    expect(attendees[1]?.getParameter('cn')).toBe('Bruno');
    expect(attendees[2]?.getParameter('cutype')).toBe('RESOURCE');
    const organizer = events[0]?.getFirstProperty('organizer');
    expect(organizer?.getParameter('schedule-agent')).toBe('CLIENT');
    expect(organizer?.getParameter('cn')).toBe('Alice Martin');
    // An event without guests has no organizer (RFC 5545 §3.8.4.3).
    expect(events[1]?.hasProperty('organizer')).toBe(false);
    expect(text).not.toContain('Sans adresse');
  });

  it('the conference link is in the description, CONFERENCE and X-GOOGLE-CONFERENCE', () => {
    const { events } = convert([
      {
        ...base,
        id: 'c1',
        iCalUID: 'c1@google.com',
        description: 'Ordre du jour',
        start: { dateTime: '2024-03-01T10:00:00Z' },
        hangoutLink: 'https://meet.google.com/abc-defg-hij',
        conferenceData: {
          conferenceSolution: { name: 'Google Meet' },
          entryPoints: [
            { entryPointType: 'phone', uri: 'tel:+33-1-23-45-67-89' },
            { entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij' },
          ],
        },
      },
    ]);
    expect(prop(events[0], 'description')).toBe(
      'Ordre du jour\n\nhttps://meet.google.com/abc-defg-hij',
    );
    const conference = events[0]?.getFirstProperty('conference');
    expect(conference?.getFirstValue()).toBe('https://meet.google.com/abc-defg-hij');
    expect(conference?.getParameter('feature')).toBe('VIDEO');
    expect(prop(events[0], 'x-google-conference')).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('attachments are links with their type and name; the colour is a CSS3 name', () => {
    const { events } = convert([
      {
        ...base,
        id: 'p1',
        iCalUID: 'p1@google.com',
        start: { dateTime: '2024-03-01T10:00:00Z' },
        colorId: '11',
        attachments: [
          {
            fileUrl: 'https://drive.google.com/open?id=1AbC',
            title: 'Programme.pdf',
            mimeType: 'application/pdf',
          },
        ],
      },
    ]);
    const attach = events[0]?.getFirstProperty('attach');
    expect(attach?.getFirstValue()).toBe('https://drive.google.com/open?id=1AbC');
    expect(attach?.getParameter('fmttype')).toBe('application/pdf');
    expect(attach?.getParameter('filename')).toBe('Programme.pdf');
    expect(prop(events[0], 'color')).toBe('crimson');
  });

  it('copies status, transparency, visibility, sequence and Google stamps, never the clock', () => {
    const event: GoogleEvent = {
      ...base,
      id: 'f1',
      iCalUID: 'f1@google.com',
      status: 'tentative',
      transparency: 'transparent',
      visibility: 'private',
      sequence: 3,
      location: 'Salle des fêtes, Lyon',
      start: { dateTime: '2024-03-01T10:00:00Z' },
    };
    const once = convert([event]).text;
    expect(convert([event]).text).toBe(once);
    const [vevent] = convert([event]).events;
    expect(prop(vevent, 'status')).toBe('TENTATIVE');
    expect(prop(vevent, 'transp')).toBe('TRANSPARENT');
    expect(prop(vevent, 'class')).toBe('PRIVATE');
    expect(prop(vevent, 'sequence')).toBe('3');
    expect(prop(vevent, 'location')).toBe('Salle des fêtes, Lyon');
    expect(once).toContain('DTSTAMP:20231202T090000Z');
    expect(once).toContain('CREATED:20231201T090000Z');
    expect(once).toContain('LAST-MODIFIED:20231202T090000Z');
  });

  it('a malformed event is named in a problem and the others still come', () => {
    const { events, problems } = convert([
      {
        ...base,
        id: 'bad1',
        iCalUID: 'bad1@google.com',
        summary: 'Kermesse',
        start: { dateTime: '2024-06-01T10:00:00' },
      },
      {
        ...base,
        id: 'bad2',
        iCalUID: 'bad2@google.com',
        summary: 'Règle cassée',
        start: { date: '2024-06-02' },
        recurrence: ['RRULE:FREQ=SOMETIMES'],
      },
      {
        ...base,
        id: 'bad3',
        summary: 'Sans UID',
        start: { date: '2024-06-03' },
      },
      {
        ...base,
        id: 'ok',
        iCalUID: 'ok@google.com',
        summary: 'Fête',
        start: { date: '2024-06-04' },
      },
    ]);
    expect(events.map((event) => prop(event, 'summary'))).toEqual(['Fête']);
    expect(problems.map((problem) => [problem.code, problem.where])).toEqual([
      ['items.google-event-unreadable', 'Kermesse (2024-06-01 10:00)'],
      ['items.google-event-unreadable', 'Règle cassée (2024-06-02)'],
      ['items.google-event-unreadable', 'Sans UID (2024-06-03)'],
    ]);
    expect(problems[0]?.params?.['uid']).toBe('bad1@google.com');
  });
});
