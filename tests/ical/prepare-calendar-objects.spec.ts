import { readdirSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarObjectOutcome } from '../../src/ical/prepare-calendar-objects.ts';
import { prepareCalendarObjects } from '../../src/ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../../src/ical/survey-calendar.ts';
import { sourceFromFile, sourceFromText } from './support/calendar-file.ts';
import {
  expectStorable,
  HOSTILE,
  parseResource,
  prepareFile,
  ready,
  SAMPLES,
} from './support/prepare.ts';

function only(outcomes: CalendarObjectOutcome[]) {
  expect(outcomes).toHaveLength(1);
  const [outcome] = outcomes;
  if (outcome?.status !== 'ready')
    throw new Error(`expected a resource, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function objectsOf(ics: string): ICAL.Component[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents().filter((component) => component.name !== 'vtimezone');
}

/** Every occurrence a client shows, master expanded and overrides applied (ical.js as the client). */
function shownStarts(ics: string): string[] {
  const objects = objectsOf(ics);
  const master = objects.find((c) => !c.hasProperty('recurrence-id'));
  if (!master) throw new Error('no master');
  const event = new ICAL.Event(master);
  for (const override of objects.filter((c) => c !== master)) event.relateException(override);
  const starts: string[] = [];
  const iterator = event.iterator();
  for (
    let next = iterator.next() as ICAL.Time | null;
    next;
    next = iterator.next() as ICAL.Time | null
  ) {
    starts.push(event.getOccurrenceDetails(next).startDate.toString());
    if (starts.length > 100) break;
  }
  return starts;
}

describe('prepareCalendarObjects on Google-written samples', () => {
  const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.ics'));

  it.each(samples)('%s: one storable resource per UID, nothing lost', async (name) => {
    const source = sourceFromFile(SAMPLES + name);
    const survey = await surveyCalendar(source);
    const outcomes: CalendarObjectOutcome[] = [];
    for await (const outcome of prepareCalendarObjects(source, survey)) outcomes.push(outcome);
    const resources = ready(outcomes);
    expect(resources.map((r) => r.uid).sort()).toEqual([...survey.componentsPerUid.keys()].sort());
    for (const resource of resources) expectStorable(resource);
    // The survey and the grouping each read the file once.
    expect(source.opened).toBe(2);
  });

  it('keeps the moved instance of the Berlin series with its master', async () => {
    const [resource] = ready(await prepareFile(`${SAMPLES}gcal-berlin-moved-instance.ics`));
    expect(resource && objectsOf(resource.ics).map((c) => c.hasProperty('recurrence-id'))).toEqual([
      false,
      true,
    ]);
  });

  it('replaces Google’s one-rule VTIMEZONE with the IANA history', async () => {
    const [resource] = ready(await prepareFile(`${SAMPLES}gcal-alarms-display-email.ics`));
    // That event is in UTC: Google's Europe/Berlin block was not used, so it is not copied.
    expect(resource?.ics).not.toContain('BEGIN:VTIMEZONE');
    const chicago = ready(await prepareFile(`${SAMPLES}gcal-chicago-weekly-exdates.ics`));
    const zoned = chicago.find((r) => r.uid === 'c4p6@google.com');
    expect(zoned?.ics).toContain('TZID:America/Chicago');
    expect(zoned?.ics).not.toContain('DTSTART:19700308T020000');
  });

  it('keeps the four alarms, the e-mail one included (no guests to mail)', async () => {
    const [resource] = ready(await prepareFile(`${SAMPLES}gcal-alarms-display-email.ics`));
    const alarms = objectsOf(resource?.ics ?? '')[0]?.getAllSubcomponents('valarm') ?? [];
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual([
      'DISPLAY',
      'DISPLAY',
      'EMAIL',
      'DISPLAY',
    ]);
    expect(alarms[2]?.getFirstPropertyValue('attendee')).toBe(
      'mailto:niccokunzmann@googlemail.com',
    );
  });
});

describe('prepareCalendarObjects on hostile files', () => {
  const hostile = readdirSync(HOSTILE).filter((name) => name.endsWith('.ics'));

  it.each(hostile)('%s: whatever is sent is storable', async (name) => {
    for (const resource of ready(await prepareFile(HOSTILE + name))) expectStorable(resource);
  });

  it('override before its master: one resource holding both', async () => {
    const outcomes = await prepareFile(`${HOSTILE}override-before-master.ics`);
    const resources = ready(outcomes);
    expect(resources.map((r) => r.uid).sort()).toEqual([
      'other@google.com',
      'override-first@google.com',
    ]);
    const series = resources.find((r) => r.uid === 'override-first@google.com');
    expect(shownStarts(series?.ics ?? '')).toEqual([
      '2025-02-25T17:00:00',
      '2025-03-05T18:00:00',
      '2025-03-11T17:00:00',
      '2025-03-18T17:00:00',
    ]);
  });

  it('one orphan override becomes a plain event with the same UID, at its moved time', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}orphan-override-single.ics`));
    expect(outcome.repairs).toEqual(['orphan-instance-made-single']);
    expect(outcome.resource.uid).toBe('orphan1@google.com');
    const [event] = objectsOf(outcome.resource.ics);
    expect(event?.hasProperty('recurrence-id')).toBe(false);
    expect(shownStarts(outcome.resource.ics)).toEqual(['2024-09-16T18:00:00']);
  });

  it('three orphan overrides get a master: each instance shown once, at its own time', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}orphan-overrides-three.ics`));
    expect(outcome.repairs).toEqual(['orphan-instances-joined']);
    const objects = objectsOf(outcome.resource.ics);
    expect(objects).toHaveLength(4);
    const master = objects[0];
    expect(master?.hasProperty('recurrence-id')).toBe(false);
    expect(master?.hasProperty('rrule')).toBe(false);
    expect(master?.getAllProperties('rdate')).toHaveLength(3);
    expect(shownStarts(outcome.resource.ics)).toEqual([
      '2024-10-03T19:30:00',
      '2024-10-11T19:30:00',
      '2024-10-17T20:00:00',
    ]);
    expect(objects.slice(1).map((o) => o.getFirstPropertyValue('summary'))).toEqual([
      'Chorale (1re)',
      'Chorale (2e)',
      'Chorale (3e)',
    ]);
  });

  it('a TZID with no VTIMEZONE gets the IANA one', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}missing-vtimezone.ics`));
    expect(outcome.problems).toEqual([]);
    expect(outcome.resource.ics).toContain('TZID:Europe/Paris');
  });

  it('a lower-case TZID is written the IANA way', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}lower-case-tzid.ics`));
    expect(outcome.resource.ics).toContain('DTSTART;TZID=Europe/Lisbon:20250612T210000');
    expect(outcome.resource.ics).not.toContain('lisbon');
  });

  it('legacy TZIDs become the current IANA names', async () => {
    const resources = ready(await prepareFile(`${HOSTILE}legacy-tzid.ics`));
    expect(resources.find((r) => r.uid === 'legacy-us-central@example.org')?.ics).toContain(
      'DTSTART;TZID=America/Chicago:20250704T120000',
    );
    expect(resources.find((r) => r.uid === 'legacy-kiev@example.org')?.ics).toContain(
      'DTSTART;TZID=Europe/Kyiv:20250824T100000',
    );
  });

  it.each([
    ['all-instances-exdated.ics', 'Cours annulé (2025-01-06 18:00)'],
    ['until-before-dtstart.ics', 'Série sans date (2025-03-10 18:00)'],
  ])('%s: a series with no occurrence is not sent, and said so', async (name, where) => {
    const [outcome] = await prepareFile(HOSTILE + name);
    expect(outcome?.status).toBe('not-sent');
    expect(outcome?.problems).toEqual([
      { code: 'items.event-never-happens', where, params: { uid: expect.any(String) as string } },
    ]);
  });

  it('a series kept alive by one override is sent, override included', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}all-exdated-but-one-override.ics`));
    expect(objectsOf(outcome.resource.ics).map((c) => c.getFirstPropertyValue('summary'))).toEqual([
      'Atelier',
      'Atelier (déplacé)',
    ]);
  });

  it.each(['uid-with-slash-and-percent.ics', 'uid-300-characters.ics'])(
    '%s: the UID is kept as is and the resource name is a hash',
    async (name) => {
      const outcome = only(await prepareFile(HOSTILE + name));
      const uid = objectsOf(outcome.resource.ics)[0]?.getFirstPropertyValue('uid');
      expect(uid).toBe(outcome.resource.uid);
      expect(outcome.resource.uid).toMatch(
        name.includes('300') ? /^x{288}@example\.org$/ : /\/.*%/,
      );
      expect(outcome.resource.resourceName).toMatch(/^[0-9a-f]{40}\.ics$/);
    },
  );

  it('no invitation: SCHEDULE-AGENT=CLIENT, forced sends dropped, reminders kept to the family', async () => {
    const outcomes = await prepareFile(`${HOSTILE}attendee-in-valarm.ics`);
    const dinner = outcomes.find(
      (o) => o.status === 'ready' && o.resource.uid === 'dinner-with-guests@google.com',
    );
    if (dinner?.status !== 'ready') throw new Error('dinner not sent');
    expect(dinner.repairs).toEqual(['email-alarm-shown']);
    expect(dinner.resource.ics).not.toContain('SCHEDULE-FORCE-SEND');
    const [event] = objectsOf(dinner.resource.ics);
    const alarms = event?.getAllSubcomponents('valarm') ?? [];
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(alarms[0]?.hasProperty('attendee')).toBe(false);
    expect(alarms[0]?.getFirstPropertyValue('description')).toBe('This is an event reminder');

    const imported = outcomes.find(
      (o) => o.status === 'ready' && o.resource.uid === 'imported-into-google@example.org',
    );
    if (imported?.status !== 'ready') throw new Error('imported event not sent');
    const [plain] = objectsOf(imported.resource.ics);
    expect(plain?.hasProperty('organizer')).toBe(false);
    const [email] = plain?.getAllSubcomponents('valarm') ?? [];
    expect(email?.getFirstPropertyValue('action')).toBe('EMAIL');
    expect(
      email?.getFirstProperty('attendee')?.getFirstParameter('schedule-agent'),
    ).toBeUndefined();
  });

  it('a broken event in the middle costs that event only, named for the family', async () => {
    const outcomes = await prepareFile(`${HOSTILE}broken-vevent-in-the-middle.ics`);
    expect(outcomes.map((o) => o.status)).toEqual(['ready', 'not-sent', 'ready']);
    const broken = outcomes[1];
    if (broken?.status !== 'not-sent') throw new Error('the broken event was sent');
    expect(broken.problems[0]?.code).toBe('items.event-unreadable');
    expect(broken.where).toBe('Abîmé (2025-01-03 10:00)');
    expect(broken.problems[0]?.params?.['uid']).toBe('broken@google.com');
  });

  it('an unknown TZID with no definition is read in the calendar zone, and reported', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}unknown-tzid-without-definition.ics`));
    expect(outcome.resource.ics).toContain('DTSTART;TZID=Europe/Paris:20250115T140000');
    expect(outcome.problems).toEqual([
      {
        code: 'items.event-timezone-unknown',
        where: 'Réunion Outlook (2025-01-15 14:00)',
        params: {
          uid: 'windows-zone@example.org',
          tzid: 'W. Europe Standard Time',
          zone: 'Europe/Paris',
        },
      },
    ]);
  });

  it('an unknown TZID keeps the file’s own definition', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}unknown-tzid-with-definition.ics`));
    expect(outcome.problems).toEqual([]);
    expect(outcome.resource.ics).toContain('TZID:W. Europe Standard Time');
    expect(outcome.resource.ics).toContain('DTSTART:16010101T030000');
  });

  it('floating times are anchored in the calendar zone, UNTIL moved to UTC', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}floating-times.ics`));
    expect(outcome.resource.ics).toContain('DTSTART;TZID=Europe/Paris:20250707T083000');
    expect(outcome.resource.ics).toContain('RRULE:FREQ=DAILY;UNTIL=20250711T063000Z');
    expect(shownStarts(outcome.resource.ics)).toHaveLength(5);
  });

  it('Google noise goes, Gmail attachments are reported, foreign X- properties stay', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}gmail-attachment-and-google-noise.ics`));
    expect(outcome.problems).toEqual([
      {
        code: 'items.event-attachment-left',
        where: 'Conseil de classe (2016-04-12 09:00 UTC)',
        params: { uid: 'gmail-noise@google.com', name: 'program_időterv.pdf' },
      },
    ]);
    const [event] = objectsOf(outcome.resource.ics);
    expect(
      event?.getAllProperties('categories').flatMap((p) => p.getValues() as unknown[]),
    ).toEqual(['Travail']);
    expect(event?.getAllProperties('attach').map((p) => p.getFirstValue())).toEqual([
      'https://drive.google.com/open?id=1PTf&authuser=0',
    ]);
    expect(outcome.resource.ics).not.toContain('X-GOOGLE-CALENDAR-CONTENT');
    expect(event?.getFirstPropertyValue('x-moz-generation')).toBe('3');
    expect(event?.getFirstPropertyValue('x-google-conference')).toBe(
      'https://meet.google.com/abc-defg-hij',
    );
    expect(event?.getFirstPropertyValue('description')).toBe(
      'Ordre du jour joint.\n\nhttps://meet.google.com/abc-defg-hij',
    );
  });

  it('two masters with one UID: the most recent wins, the other is reported', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}duplicate-master.ics`));
    expect(objectsOf(outcome.resource.ics).map((c) => c.getFirstPropertyValue('summary'))).toEqual([
      'Anniversaire',
    ]);
    expect(outcome.problems.map((p) => p.code)).toEqual(['items.event-duplicate']);
  });

  it('control characters are removed from text', async () => {
    const outcome = only(await prepareFile(`${HOSTILE}control-characters.ics`));
    // eslint-disable-next-line no-control-regex -- looking for control characters.
    expect(outcome.resource.ics).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
    const [event] = objectsOf(outcome.resource.ics);
    expect(event?.getFirstPropertyValue('description')).toBe('Copié collé\nligne 2');
  });

  it('an event without UID gets one derived from its content, the same on every export', async () => {
    const first = only(await prepareFile(`${HOSTILE}event-without-uid.ics`));
    expect(first.repairs).toEqual(['uid-added']);
    expect(first.resource.uid).toMatch(/^baluchon-[0-9a-f]{32}$/);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${HOSTILE}event-without-uid.ics`, 'utf8').replace(
      'DTSTAMP:20250301T120000Z',
      'DTSTAMP:20260101T000000Z',
    );
    const later = sourceFromText('later.ics', text);
    const outcomes: CalendarObjectOutcome[] = [];
    for await (const o of prepareCalendarObjects(later, await surveyCalendar(later)))
      outcomes.push(o);
    expect(ready(outcomes)[0]?.uid).toBe(first.resource.uid);
  });
});

describe('change detection', () => {
  async function hashOf(text: string): Promise<string | undefined> {
    const source = sourceFromText('x.ics', text);
    for await (const outcome of prepareCalendarObjects(source, await surveyCalendar(source))) {
      if (outcome.status === 'ready') return outcome.resource.contentHash;
    }
    return undefined;
  }

  it('ignores DTSTAMP (the export time) and notices a real change', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${SAMPLES}gcal-berlin-moved-instance.ics`, 'utf8');
    const base = await hashOf(text);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf(text)).toBe(base);
    expect(
      await hashOf(text.replaceAll('DTSTAMP:20211218T004508Z', 'DTSTAMP:20250101T000000Z')),
    ).toBe(base);
    expect(await hashOf(text.replace('SUMMARY:Karaoke', 'SUMMARY:Karaoké'))).not.toBe(base);
  });

  it('parses back to the same events', async () => {
    const [resource] = ready(await prepareFile(`${SAMPLES}gcal-sydney-moved-instances-allday.ics`));
    const reparsed = parseResource(resource ?? ({} as never));
    expect(reparsed.toString()).toBe(resource?.ics.trimEnd());
  });
});
