// One Google calendar file → the calendar object resources a CalDAV server will store, one per
// UID, each ready to PUT (or the reason it is not sent). Pure: no network, no clock.
//
//   const survey = await surveyCalendar(source);          // pass 1 (also feeds the scan screen)
//   for await (const outcome of prepareCalendarObjects(source, survey)) { … }   // pass 2
//
// A malformed component, or anything unexpected in one UID's components, costs that item only.
import ICAL from 'ical.js';
import type { ProblemFact } from '../contract/problem.ts';
import { assembleCalendarObject } from './assemble-calendar-object.ts';
import type { CalendarSource } from './calendar-source.ts';
import { dedupeComponents } from './dedupe-components.ts';
import { describeEvent, readableStart, whereOf } from './describe-event.ts';
import type { BrokenComponent, GroupingStats, ReadComponent } from './group-by-uid.ts';
import { groupByUid } from './group-by-uid.ts';
import type { OrphanRepair } from './join-orphan-instances.ts';
import { joinOrphanInstances } from './join-orphan-instances.ts';
import { neutraliseScheduling } from './neutralise-scheduling.ts';
import { removeGoogleNoise } from './remove-google-noise.ts';
import type { ZoneContext } from './resolve-timezones.ts';
import { resolveTimezones } from './resolve-timezones.ts';
import { seriesFate } from './series-occurrences.ts';
import { stripControlCharacters } from './strip-control-characters.ts';
import type { CalendarSurvey } from './survey-calendar.ts';
import { normaliseTzid } from './timezones/normalise-tzid.ts';

/** Changes made so that the item arrives; nothing the family loses (those are problems). */
export type CalendarRepair = OrphanRepair | 'email-alarm-shown' | 'uid-added';

export interface CalendarObjectResource {
  readonly uid: string;
  readonly kind: 'VEVENT' | 'VTODO' | 'VJOURNAL';
  /** `sha1(UID).ics`, safe in a URL whatever the UID holds. */
  readonly resourceName: string;
  readonly ics: string;
  readonly contentHash: string;
  /** Title and start, as the family knows the item. */
  readonly where: string;
}

export type CalendarObjectOutcome =
  | {
      readonly status: 'ready';
      readonly resource: CalendarObjectResource;
      /** Sent, but something did not come along (an attachment, a time zone). */
      readonly problems: readonly ProblemFact[];
      readonly repairs: readonly CalendarRepair[];
    }
  | {
      readonly status: 'not-sent';
      readonly uid: string | undefined;
      readonly where: string;
      readonly problems: readonly ProblemFact[];
    };

function unreadable(
  broken: BrokenComponent,
  source: CalendarSource,
  position: number,
): CalendarObjectOutcome {
  const { summary, start, uid } = broken.hint;
  const where = whereOf(summary, readableStart(start), uid ?? `${source.key} #${position}`);
  const params: Record<string, string> = { detail: broken.reason };
  if (uid) params['uid'] = uid;
  return {
    status: 'not-sent',
    uid,
    where,
    problems: [{ code: 'items.event-unreadable', where, params }],
  };
}

function zoneContext(source: CalendarSource, survey: CalendarSurvey): ZoneContext {
  const declared = source.header['X-WR-TIMEZONE'];
  return {
    calendarZone: declared ? normaliseTzid(declared) : undefined,
    fileTimezones: survey.fileTimezones,
  };
}

function timezoneObjects(vtimezones: readonly unknown[][]): Map<string, ICAL.Timezone> {
  const zones = new Map<string, ICAL.Timezone>();
  for (const jcal of vtimezones) {
    const component = new ICAL.Component(jcal);
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') zones.set(tzid, new ICAL.Timezone({ component, tzid }));
  }
  return zones;
}

export function prepareGroup(
  uid: string,
  read: readonly ReadComponent[],
  context: ZoneContext,
): CalendarObjectOutcome {
  const problems: ProblemFact[] = [];
  const repairs: CalendarRepair[] = [];
  for (const entry of read) {
    if (entry.uidDerived) entry.component.addPropertyWithValue('uid', uid);
  }
  const deduped = dedupeComponents(uid, read);
  problems.push(...deduped.problems);
  if (read.some((entry) => entry.uidDerived)) repairs.push('uid-added');

  const joined = joinOrphanInstances(deduped.components);
  if (joined.repair) repairs.push(joined.repair);
  const [master] = joined.components;
  const where = master ? describeEvent(master, uid) : uid;

  for (const component of joined.components) {
    const scheduling = neutraliseScheduling(component);
    for (let count = 0; count < scheduling.emailAlarmsShown; count += 1)
      repairs.push('email-alarm-shown');
    for (const name of removeGoogleNoise(component).attachmentsLeft) {
      problems.push({ code: 'items.event-attachment-left', where, params: { uid, name } });
    }
    stripControlCharacters(component);
  }

  const zones = resolveTimezones(joined.components, context);
  for (const { tzid, readAs } of zones.unknownZones) {
    problems.push({
      code: 'items.event-timezone-unknown',
      where,
      params: { uid, tzid, zone: readAs },
    });
  }

  // An override keeps a series alive (and sabre accepts it then): only a lone master is checked.
  const fate =
    master && deduped.kind === 'vevent' && joined.components.length === 1
      ? seriesFate(master, timezoneObjects(zones.vtimezones))
      : 'happens';
  if (fate !== 'happens') {
    const code =
      fate === 'rule-never-happens'
        ? 'items.event-rule-never-happens'
        : 'items.event-never-happens';
    return {
      status: 'not-sent',
      uid,
      where,
      problems: [...problems, { code, where, params: { uid } }],
    };
  }

  const assembled = assembleCalendarObject(uid, joined.components, zones.vtimezones);
  return {
    status: 'ready',
    resource: {
      uid,
      kind: deduped.kind.toUpperCase() as CalendarObjectResource['kind'],
      where,
      ...assembled,
    },
    problems,
    repairs,
  };
}

export async function* prepareCalendarObjects(
  source: CalendarSource,
  survey: CalendarSurvey,
  stats?: GroupingStats,
): AsyncGenerator<CalendarObjectOutcome> {
  const context = zoneContext(source, survey);
  let position = 0;
  for await (const item of groupByUid(source, survey, stats)) {
    position += 1;
    if (item.type === 'unreadable') {
      yield unreadable(item.broken, source, position);
      continue;
    }
    try {
      yield prepareGroup(item.uid, item.components, context);
    } catch (error) {
      const first = item.components[0];
      const where = first ? describeEvent(first.component, item.uid) : item.uid;
      const detail = error instanceof Error ? error.message : String(error);
      yield {
        status: 'not-sent',
        uid: item.uid,
        where,
        problems: [{ code: 'items.event-unreadable', where, params: { uid: item.uid, detail } }],
      };
    }
  }
}
