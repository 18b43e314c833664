// One family's Google account as the stand-in serves it: sign-in (oauth.ts), Calendar, Tasks,
// People and Drive, all built from the same TakeoutSpec the archive builder renders — so a move
// from the archive and a move through the live APIs can be compared item by item. Drive's file
// bytes are drawn once (pinDriveContent): build the archive from `spec` as returned here.
import type { TakeoutSpec } from '../../fixtures/takeout/takeout-spec.ts';
import { calendarApi } from './calendar-api.ts';
import type { CalendarStandInData } from './calendar-api.ts';
import { createDriveApi } from './drive-api.ts';
import type { DriveApi } from './drive-api.ts';
import { calendarData } from './family/calendar-data.ts';
import { driveData, familyDriveOptions, pinDriveContent } from './family/drive-data.ts';
import { peopleData } from './family/people-data.ts';
import { tasksData } from './family/tasks-data.ts';
import { standInOAuth } from './oauth.ts';
import type { StandInOAuth } from './oauth.ts';
import { peopleApi } from './people-api.ts';
import { startGoogleStandIn, TokenBook } from './stand-in-server.ts';
import type { RunningStandIn, StandInFault } from './stand-in-server.ts';
import { tasksApi } from './tasks-api.ts';

/** A client id of the shape Google gives, known to the stand-in only. */
export const STAND_IN_CLIENT_ID =
  '123456789012-baluchonstandin0000000000.apps.googleusercontent.com';
export const STAND_IN_CLIENT_SECRET = 'GOCSPX-stand-in-secret';

export interface GoogleFamily {
  readonly standIn: RunningStandIn;
  readonly oauth: StandInOAuth;
  readonly drive: DriveApi;
  /** The calendars it serves (a test may change an event, as the family would at Google). */
  readonly calendars: CalendarStandInData;
  /** The spec with Drive's bytes pinned: build the archive of the same family from it. */
  readonly spec: TakeoutSpec;
  readonly email: string;
}

export interface GoogleFamilyOptions {
  readonly email?: string;
  /** Answer the consent at once (CLI and reader tests) instead of showing its pages. */
  readonly autoConsent?: boolean | 'deny';
  /** At most this many items a page (forces several pages on a small family). */
  readonly pageLimit?: number;
  readonly fault?: (url: URL) => StandInFault | null;
}

export async function startGoogleFamily(
  given: TakeoutSpec,
  options: GoogleFamilyOptions = {},
): Promise<GoogleFamily> {
  const spec = pinDriveContent(given);
  const email = options.email ?? 'camille.dupont@gmail.com';
  const tokens = new TokenBook();
  const oauth = standInOAuth({
    tokens,
    email,
    clientId: STAND_IN_CLIENT_ID,
    clientSecret: STAND_IN_CLIENT_SECRET,
    appName: 'Baluchon (stand-in)',
    ...(options.autoConsent === undefined ? {} : { autoConsent: options.autoConsent }),
  });
  const pages = options.pageLimit === undefined ? {} : { pageLimit: options.pageLimit };
  const drive = createDriveApi(driveData(spec, familyDriveOptions));
  const calendars = calendarData(spec);
  const standIn = await startGoogleStandIn({
    tokens,
    routes: [
      oauth.route,
      calendarApi(calendars, pages),
      tasksApi(tasksData(spec), pages),
      peopleApi(peopleData(spec)),
      drive.route,
    ],
    ...(options.fault === undefined ? {} : { fault: options.fault }),
  });
  return { standIn, oauth, drive, calendars, spec, email };
}
