// The Google stand-in for bench/google/calendar-events.ts, in its own process: a remote Google
// answers while Baluchon converts, and so must the stand-in (in the bench's own process, its
// answers would wait for the conversion to yield the event loop). Prints one JSON line (where it
// listens, a token, the calendar's id and size), then serves until its stdin closes.
import { parseArgs } from 'node:util';
import { CALENDAR_SCOPE, calendarApi } from '../../tests/standins/google/calendar-api.ts';
import { calendarData } from '../../tests/standins/google/family/calendar-data.ts';
import { TokenBook, startGoogleStandIn } from '../../tests/standins/google/stand-in-server.ts';
import type { EventSpec } from '../../tests/fixtures/takeout/takeout-spec.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    latency: { type: 'string', default: '0' },
  },
});
const count = Number(values.events);
const latency = Number(values.latency);

// Nine one-off events for one series with two cancelled and two moved instances.
const events: EventSpec[] = Array.from({ length: Math.ceil(count / 10) }, (): EventSpec[] => [
  ...Array.from({ length: 9 }, (): EventSpec => ({ kind: 'single' })),
  { kind: 'series', exdates: 2, overrides: 2 },
]).flat();
const data = calendarData({
  language: 'fr',
  calendars: [{ file: 'Famille', name: 'Famille', events }],
});
const calendar = data.calendars[0];
if (calendar === undefined) throw new Error('no calendar generated');

const tokens = new TokenBook();
const token = tokens.issue([CALENDAR_SCOPE]);
const api = calendarApi(data);
const standIn = await startGoogleStandIn({
  tokens,
  routes: [
    async (request) => {
      if (latency > 0 && request.url.pathname.endsWith('/events')) {
        await new Promise((resolve) => setTimeout(resolve, latency));
      }
      return api(request);
    },
  ],
});
console.log(
  JSON.stringify({
    url: standIn.url,
    token,
    calendarId: calendar.entry.id,
    resources: calendar.events.length,
    uids: new Set(calendar.events.flatMap((event) => event.iCalUID ?? [])).size,
  }),
);
process.stdin.resume();
process.stdin.on('end', () => {
  void standIn.close().then(() => process.exit(0));
});
