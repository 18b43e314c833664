// Every date-time of a calendar object pointed at a VTIMEZONE that says what it means:
//   - TZIDs the runtime knows (case and legacy aliases fixed, see normalise-tzid.ts) get our
//     VTIMEZONE built from IANA history, replacing Google's one-1970-rule block;
//   - TZIDs it does not know (Windows names, custom zones) keep the file's own VTIMEZONE;
//   - TZIDs with no definition anywhere are read in the calendar's zone (X-WR-TIMEZONE), and
//     reported, since the time may be off;
//   - floating times (no TZID, no Z), which Google displays in the calendar's zone, are anchored
//     there too; an RRULE UNTIL then becomes UTC, as RFC 5545 §3.3.10 requires.
// Each VTIMEZONE is added once, and only if used.
import type ICAL from 'ical.js';
import { parameterOf } from './ical-values.ts';
import { buildVtimezone } from './timezones/build-vtimezone.ts';
import { normaliseTzid } from './timezones/normalise-tzid.ts';
import { instantOf } from './timezones/zone-offsets.ts';
import { compareText } from './resource-name.ts';

const ZONED_PROPERTIES = ['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate'] as const;
const FLOATING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UTC = /Z$/;

export interface ZoneContext {
  /** The calendar's zone (X-WR-TIMEZONE), already normalised; undefined when unknown. */
  readonly calendarZone: string | undefined;
  /** The file's own VTIMEZONEs by TZID as written (jCal). */
  readonly fileTimezones: ReadonlyMap<string, unknown[]>;
}

export interface ResolvedZones {
  /** VTIMEZONE components (jCal) to put in the resource, sorted by TZID. */
  readonly vtimezones: readonly unknown[][];
  /** TZIDs with no definition, and the zone they were read in instead. */
  readonly unknownZones: readonly { readonly tzid: string; readonly readAs: string }[];
}

/** The first date-time text of a property (a PERIOD's start for RDATE;VALUE=PERIOD). */
function firstText(property: ICAL.Property): string {
  const value: unknown = property.jCal[3];
  if (Array.isArray(value)) return String(value[0]);
  return String(value);
}

function yearsOf(property: ICAL.Property): number[] {
  return property.jCal
    .slice(3)
    .map((value: unknown) => Number(String(Array.isArray(value) ? value[0] : value).slice(0, 4)))
    .filter((year) => Number.isInteger(year) && year > 0);
}

function toUtcText(zone: string, wall: string): string {
  const [date = '', time = ''] = wall.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  const wallMs = Date.UTC(
    year ?? 1970,
    (month ?? 1) - 1,
    day ?? 1,
    hour ?? 0,
    minute ?? 0,
    second ?? 0,
  );
  return `${new Date(instantOf(zone, wallMs)).toISOString().slice(0, 19)}Z`;
}

/** RFC 5545 §3.3.10: with a zoned DTSTART, UNTIL must be in UTC. */
function untilToUtc(component: ICAL.Component, zone: string): void {
  for (const rrule of component.getAllProperties('rrule')) {
    const recur: unknown = rrule.jCal[3];
    if (typeof recur !== 'object' || recur === null || !('until' in recur)) continue;
    if (typeof recur.until === 'string' && FLOATING.test(recur.until)) {
      recur.until = toUtcText(zone, recur.until);
    }
  }
}

export function resolveTimezones(
  components: readonly ICAL.Component[],
  context: ZoneContext,
): ResolvedZones {
  const firstYears = new Map<string, number>();
  const fileZones = new Set<string>();
  const unknown = new Map<string, string>();

  const use = (zone: string, property: ICAL.Property) => {
    const earliest = Math.min(...yearsOf(property), firstYears.get(zone) ?? Infinity);
    if (Number.isFinite(earliest)) firstYears.set(zone, earliest);
  };

  const visit = (component: ICAL.Component) => {
    for (const name of ZONED_PROPERTIES) {
      for (const property of component.getAllProperties(name)) {
        if (property.type === 'date') continue;
        const text = firstText(property);
        const tzid = parameterOf(property, 'tzid');
        if (UTC.test(text)) {
          // A TZID on a UTC time is invalid (RFC 5545 §3.2.19) and means nothing.
          if (tzid) property.removeParameter('tzid');
          continue;
        }
        if (typeof tzid === 'string' && tzid !== '') {
          const iana = normaliseTzid(tzid);
          if (iana !== undefined) {
            property.setParameter('tzid', iana);
            use(iana, property);
          } else if (context.fileTimezones.has(tzid)) {
            fileZones.add(tzid);
          } else {
            const readAs = context.calendarZone ?? 'Etc/UTC';
            unknown.set(tzid, readAs);
            property.setParameter('tzid', readAs);
            use(readAs, property);
          }
        } else if (FLOATING.test(text) && context.calendarZone !== undefined) {
          property.setParameter('tzid', context.calendarZone);
          use(context.calendarZone, property);
          if (name === 'dtstart') untilToUtc(component, context.calendarZone);
        }
      }
    }
    for (const child of component.getAllSubcomponents()) visit(child);
  };
  for (const component of components) visit(component);

  const vtimezones = [
    ...[...firstYears].map(([zone, year]) => [zone, buildVtimezone(zone, year)] as const),
    ...[...fileZones].map(
      (tzid) => [tzid, structuredClone(context.fileTimezones.get(tzid) ?? [])] as const,
    ),
  ]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, jcal]) => jcal);
  return {
    vtimezones,
    unknownZones: [...unknown].map(([tzid, readAs]) => ({ tzid, readAs })),
  };
}
