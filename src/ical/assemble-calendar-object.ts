// The calendar object resource as stored by the server (RFC 4791 §4.1): one VCALENDAR, no METHOD
// (sabre/dav refuses it with 415), the VTIMEZONEs used, then the master and its overrides — all
// with one UID. Checked by parsing it back, so nothing malformed ever reaches a server.
import ICAL from 'ical.js';
import { resourceNameFor, sha256Hex } from './resource-name.ts';

export const PRODID = '-//Baluchon//Google import//EN';

export interface AssembledObject {
  readonly ics: string;
  readonly resourceName: string;
  /**
   * For change detection between runs. Leaves out what changes without the family changing
   * anything: DTSTAMP (Google sets it to the export time on every event), PRODID and the
   * VTIMEZONEs (they follow the runtime's time zone data, not the event).
   */
  readonly contentHash: string;
}

function withoutVolatile(jcal: unknown[]): unknown[] {
  const [name, properties, components] = jcal as [string, unknown[][], unknown[][]];
  return [
    name,
    properties.filter((property) => property[0] !== 'dtstamp' && property[0] !== 'prodid'),
    components.filter((component) => component[0] !== 'vtimezone').map(withoutVolatile),
  ];
}

export function assembleCalendarObject(
  uid: string,
  components: readonly ICAL.Component[],
  vtimezones: readonly unknown[][],
): AssembledObject {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  for (const vtimezone of vtimezones) calendar.addSubcomponent(new ICAL.Component(vtimezone));
  for (const component of components) calendar.addSubcomponent(component);
  const ics = `${calendar.toString()}\r\n`;

  const reread = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const uids = new Set(
    reread
      .getAllSubcomponents()
      .filter((component) => component.name !== 'vtimezone')
      .map((component) => component.getFirstPropertyValue('uid')),
  );
  if (uids.size !== 1 || !uids.has(uid)) {
    throw new Error(`calendar object does not hold exactly the UID ${uid}`);
  }
  const canonical = new ICAL.Component(withoutVolatile(calendar.toJSON() as unknown[])).toString();
  return { ics, resourceName: resourceNameFor(uid, 'ics'), contentHash: sha256Hex(canonical) };
}
