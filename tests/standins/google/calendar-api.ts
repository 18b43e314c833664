// The stand-in's Calendar API v3 (tests only), from Google's reference:
//   GET /calendar/v3/users/me/calendarList  (maxResults ≤ 250, default 100; pageToken; showHidden,
//       showDeleted — hidden and deleted entries only when asked)
//   GET /calendar/v3/calendars/{calendarId}/events  (maxResults ≤ 2500, default 250; pageToken;
//       showDeleted — cancelled entries only when asked; singleEvents=true is not served: the
//       stand-in does not expand series, and Baluchon must never ask it to)
// Both need the calendar.readonly scope; an unknown calendar is 404 notFound. `pageLimit` makes
// pages smaller than asked (Google may too), so that tests go through several pages.
import type { calendar_v3 } from '@googleapis/calendar';
import { requireScope, sendGoogleError, sendJson } from './stand-in-server.ts';
import type { StandInRequest, StandInRoute } from './stand-in-server.ts';

export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.readonly';

export interface StandInCalendar {
  readonly entry: calendar_v3.Schema$CalendarListEntry & { readonly id: string };
  readonly events: readonly calendar_v3.Schema$Event[];
}

export interface CalendarStandInData {
  readonly calendars: readonly StandInCalendar[];
}

export interface CalendarApiOptions {
  /** At most this many items a page, whatever maxResults asks. */
  readonly pageLimit?: number;
}

const LIST_PATH = '/calendar/v3/users/me/calendarList';
const EVENTS_PATH = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/;

/** The page of `items` a request asks for, and the token of the next one. */
export function pageOf<T>(
  request: StandInRequest,
  items: readonly T[],
  defaultSize: number,
  maxSize: number,
  options: { readonly pageLimit?: number },
): { items: T[]; nextPageToken?: string } | null {
  const asked = request.url.searchParams.get('maxResults');
  const size = asked === null ? defaultSize : Number(asked);
  if (!Number.isInteger(size) || size < 1) {
    sendGoogleError(request.res, 400, 'invalid', 'Invalid value for maxResults');
    return null;
  }
  const token = request.url.searchParams.get('pageToken');
  const offset = token === null ? 0 : Number(/^p(\d+)$/.exec(token)?.[1] ?? Number.NaN);
  if (!Number.isInteger(offset)) {
    sendGoogleError(request.res, 400, 'invalid', 'Invalid page token');
    return null;
  }
  const count = Math.min(size, maxSize, options.pageLimit ?? Number.POSITIVE_INFINITY);
  const page = items.slice(offset, offset + count);
  const next = offset + count;
  return next < items.length ? { items: page, nextPageToken: `p${next}` } : { items: page };
}

function flag(request: StandInRequest, name: string): boolean {
  return request.url.searchParams.get(name) === 'true';
}

export function calendarApi(
  data: CalendarStandInData,
  options: CalendarApiOptions = {},
): StandInRoute {
  return (request) => {
    const { pathname } = request.url;
    if (request.req.method !== 'GET') return false;
    if (pathname === LIST_PATH) {
      if (!requireScope(request, CALENDAR_SCOPE)) return true;
      const entries = data.calendars
        .map((calendar) => calendar.entry)
        .filter((entry) => flag(request, 'showHidden') || entry.hidden !== true)
        .filter((entry) => flag(request, 'showDeleted') || entry.deleted !== true);
      const page = pageOf(request, entries, 100, 250, options);
      if (page === null) return true;
      sendJson(request.res, {
        kind: 'calendar#calendarList',
        etag: '"p33c9l2v0rpfu80o"',
        ...(page.nextPageToken === undefined ? { nextSyncToken: 'sync-list' } : {}),
        ...page,
      });
      return true;
    }
    const match = EVENTS_PATH.exec(pathname);
    if (match === null) return false;
    if (!requireScope(request, CALENDAR_SCOPE)) return true;
    const id = decodeURIComponent(match[1] ?? '');
    const calendar = data.calendars.find((candidate) => candidate.entry.id === id);
    if (calendar === undefined) {
      sendGoogleError(request.res, 404, 'notFound', 'Not Found');
      return true;
    }
    if (flag(request, 'singleEvents')) {
      sendGoogleError(request.res, 400, 'invalid', 'stand-in: singleEvents is not served');
      return true;
    }
    const events = calendar.events.filter(
      (event) => flag(request, 'showDeleted') || event.status !== 'cancelled',
    );
    const page = pageOf(request, events, 250, 2500, options);
    if (page === null) return true;
    sendJson(request.res, {
      kind: 'calendar#events',
      etag: '"p32ofplf5q6gf20o"',
      summary: calendar.entry.summary,
      description: calendar.entry.description ?? '',
      updated: '2024-01-02T09:00:00.000Z',
      timeZone: calendar.entry.timeZone ?? 'UTC',
      accessRole: calendar.entry.accessRole ?? 'owner',
      defaultReminders: calendar.entry.defaultReminders ?? [],
      ...(page.nextPageToken === undefined ? { nextSyncToken: 'sync-events' } : {}),
      ...page,
    });
    return true;
  };
}
