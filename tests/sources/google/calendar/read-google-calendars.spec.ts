// The family's calendars read live from the stand-in (every page), against the same family read
// from its archive: same calendars, same counts and roles, and — through the engine's own
// preparation (src/ical) — the same calendar objects (UIDs, summaries, starts, recurrences).
import { OAuth2Client } from 'google-auth-library';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../../../src/contract/problem.ts';
import { endpointsUnder } from '../../../../src/google/google-endpoints.ts';
import type { GoogleApiContext } from '../../../../src/google/google-api-context.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import type { CalendarSource } from '../../../../src/ical/calendar-source.ts';
import { prepareCalendarObjects } from '../../../../src/ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../../../../src/ical/survey-calendar.ts';
import { readGoogleCalendars } from '../../../../src/sources/google/calendar/read-google-calendars.ts';
import { familySpec } from '../../../fixtures/takeout/family-spec.ts';
import { CALENDAR_SCOPE, calendarApi } from '../../../standins/google/calendar-api.ts';
import type { CalendarStandInData } from '../../../standins/google/calendar-api.ts';
import { calendarData } from '../../../standins/google/family/calendar-data.ts';
import { TokenBook, startGoogleStandIn } from '../../../standins/google/stand-in-server.ts';
import type { RunningStandIn } from '../../../standins/google/stand-in-server.ts';
import { collect, useFamilyArchive } from '../support/family-archive.ts';

const fr = createI18n('fr').t;
const signal = new AbortController().signal;
const spec = familySpec('fr');

function context(standIn: RunningStandIn, token: string): GoogleApiContext {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return {
    auth,
    endpoints: endpointsUnder(standIn.url),
    signal,
    call: (request) => request(signal),
  };
}

async function withStandIn<T>(
  data: CalendarStandInData,
  pageLimit: number | undefined,
  run: (api: GoogleApiContext, standIn: RunningStandIn) => Promise<T>,
  scopes: readonly string[] = [CALENDAR_SCOPE],
): Promise<T> {
  const tokens = new TokenBook();
  const standIn = await startGoogleStandIn({
    routes: [calendarApi(data, pageLimit === undefined ? {} : { pageLimit })],
    tokens,
  });
  try {
    return await run(context(standIn, tokens.issue(scopes)), standIn);
  } finally {
    await standIn.close();
  }
}

const family = useFamilyArchive(spec, fr);

/** What the engine would store for a calendar: per UID, each component's identity. */
async function prepared(source: CalendarSource): Promise<Map<string, string[]>> {
  const survey = await surveyCalendar(source);
  const objects = new Map<string, string[]>();
  for await (const outcome of prepareCalendarObjects(source, survey)) {
    if (outcome.status !== 'ready') {
      objects.set(`not-sent ${outcome.where}`, []);
      continue;
    }
    const calendar = new ICAL.Component(ICAL.parse(outcome.resource.ics) as unknown[]);
    const lines = calendar
      .getAllSubcomponents('vevent')
      .map((vevent) => {
        const time = (name: string): string => {
          const value: unknown = vevent.getFirstPropertyValue(name);
          if (!(value instanceof ICAL.Time)) return '-';
          // The instant (or the day): Google's archive and API may write the same time in
          // different zones (UTC vs TZID), never a different time.
          return value.isDate ? value.toString() : value.toUnixTime().toString();
        };
        const exdates = vevent
          .getAllProperties('exdate')
          .map((property) => {
            const value: unknown = property.getFirstValue();
            return value instanceof ICAL.Time ? value.toUnixTime() : 0;
          })
          .sort((a, b) => a - b);
        return [
          String(vevent.getFirstPropertyValue('summary')),
          time('dtstart'),
          time('dtend'),
          time('recurrence-id'),
          String(vevent.getFirstPropertyValue('rrule') ?? '-'),
          exdates.join(','),
          vevent
            .getAllProperties('attendee')
            .map((attendee) => String(attendee.getFirstValue()))
            .join(','),
          String(vevent.getFirstPropertyValue('location')),
          String(vevent.getFirstPropertyValue('description')),
          vevent.getAllSubcomponents('valarm').length,
        ].join(' | ');
      })
      .sort();
    objects.set(outcome.resource.uid, lines);
  }
  return objects;
}

describe('readGoogleCalendars against the stand-in', () => {
  it('reads every page and finds the calendars, counts and roles the archive holds', async () => {
    await withStandIn(calendarData(spec), 2, async (api, standIn) => {
      const problems: ProblemFact[] = [];
      const counts: number[] = [];
      const reading = await readGoogleCalendars({
        api,
        t: fr,
        onProblem: (problem) => problems.push(problem),
        onItems: (count) => counts.push(count),
      });
      expect(problems).toEqual([]);
      // Two calendars a page: the list and the longer calendars took several requests.
      const listPages = standIn.requests.filter((r) => r.includes('/users/me/calendarList'));
      expect(listPages.length).toBe(3);
      expect(listPages.slice(1).every((r) => r.includes('pageToken='))).toBe(true);
      const eventPages = standIn.requests.filter((r) => r.includes('/events'));
      expect(eventPages.some((r) => r.includes('pageToken='))).toBe(true);
      expect(eventPages.every((r) => r.includes('singleEvents=false'))).toBe(true);
      expect(listPages.every((r) => r.includes('showHidden=true'))).toBe(true);

      const shape = (facts: typeof reading.facts) =>
        facts.map(({ name, events, generated }) => ({ name, events, generated }));
      expect(shape(reading.facts)).toEqual(shape(family().facts.calendars));
      expect(reading.calendars.map((c) => c.identity.displayName)).toEqual(
        family().calendars.map((c) => c.identity.displayName),
      );
      expect(reading.calendars.map((c) => c.identity.role)).toEqual(
        family().calendars.map((c) => c.identity.role),
      );
      expect(counts.at(-1)).toBe(reading.facts.reduce((sum, facts) => sum + facts.events, 0));
      const primary = reading.calendars.find((c) => c.displayName === 'camille.dupont@gmail.com');
      expect(primary?.identity.color).toBe('#9fc6e7');
      expect(primary === undefined ? undefined : reading.access.get(primary.key)).toEqual({
        accessRole: 'owner',
        primary: true,
        hidden: false,
      });
    });
  });

  it('hands the engine what prepares into the same calendar objects as the archive', async () => {
    await withStandIn(calendarData(spec), 3, async (api) => {
      const reading = await readGoogleCalendars({ api, t: fr, onProblem: () => undefined });
      const ordinary = reading.calendars.filter((c) => c.identity.role === 'ordinary');
      expect(ordinary.map((c) => c.displayName)).toEqual([
        'camille.dupont@gmail.com',
        'Club de foot',
        'Famille',
      ]);
      for (const live of ordinary) {
        const fromArchive = family().calendars.find((c) => c.displayName === live.displayName);
        expect(fromArchive).toBeDefined();
        if (fromArchive === undefined) continue;
        const archiveObjects = await prepared(fromArchive.content);
        const liveObjects = await prepared(live.content);
        expect([...liveObjects.keys()].sort()).toEqual([...archiveObjects.keys()].sort());
        expect(liveObjects).toEqual(archiveObjects);
        // Read twice (survey, then preparation), the same components each time.
        expect(await collect(live.content)).toEqual(await collect(live.content));
      }
    });
  });

  it('a calendar Google refuses is named, the others are read', async () => {
    const data = calendarData(spec);
    const broken: CalendarStandInData = {
      calendars: [
        ...data.calendars,
        {
          entry: { id: 'missing@group.calendar.google.com', summary: 'Disparu' },
          events: [],
        },
        {
          entry: {
            id: 'paul@example.org',
            summary: 'Paul (occupé)',
            accessRole: 'freeBusyReader',
          },
          events: [],
        },
      ],
    };
    // The stand-in answers 404 for a calendar it does not hold: list one it does not serve.
    const served: CalendarStandInData = { calendars: data.calendars };
    const tokens = new TokenBook();
    const list = calendarApi(broken);
    const events = calendarApi(served);
    const standIn = await startGoogleStandIn({
      routes: [
        (request) =>
          request.url.pathname.endsWith('/calendarList') ? list(request) : events(request),
      ],
      tokens,
    });
    try {
      const problems: ProblemFact[] = [];
      const reading = await readGoogleCalendars({
        api: context(standIn, tokens.issue([CALENDAR_SCOPE])),
        t: fr,
        onProblem: (problem) => problems.push(problem),
      });
      expect(problems.map((p) => [p.code, p.where])).toEqual([
        ['items.google-calendar-unreadable', 'Disparu'],
      ]);
      // The free/busy calendar is neither read nor listed.
      expect(reading.calendars).toHaveLength(data.calendars.length);
      expect(standIn.requests.some((r) => r.includes('paul%40example.org'))).toBe(false);
    } finally {
      await standIn.close();
    }
  });

  it('a cancel during a calendar stops the reading instead of being told as a problem', async () => {
    await withStandIn(calendarData(spec), undefined, async (api) => {
      const controller = new AbortController();
      let calls = 0;
      const cancelling: GoogleApiContext = {
        ...api,
        signal: controller.signal,
        call: (request) => {
          // The family cancels once the list is read, while the first calendar's events load.
          if (++calls === 2) controller.abort();
          return request(controller.signal);
        },
      };
      const problems: ProblemFact[] = [];
      await expect(
        readGoogleCalendars({ api: cancelling, t: fr, onProblem: (p) => problems.push(p) }),
      ).rejects.toThrow();
      expect(problems).toEqual([]);
      expect(calls).toBe(2);
    });
  });

  it('without the calendar scope, the reading fails as Google refuses it', async () => {
    await withStandIn(
      calendarData(spec),
      undefined,
      async (api) => {
        await expect(
          readGoogleCalendars({ api, t: fr, onProblem: () => undefined }),
        ).rejects.toThrow(/insufficient authentication scopes/);
      },
      ['https://www.googleapis.com/auth/tasks.readonly'],
    );
  });
});
