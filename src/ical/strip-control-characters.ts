// Control characters pasted into titles and descriptions (form feeds, vertical tabs…) are not
// allowed in iCalendar or vCard values (RFC 5545 §3.1 CONTROL, RFC 6350 §3.3), and Xandikos
// refuses a resource containing \x0c or \x01 ("Invalid character"). Tab, line feed and carriage
// return are legitimate in TEXT and stay.
import type ICAL from 'ical.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL, '');
  if (Array.isArray(value)) return value.map(clean);
  return value;
}

/** Recursively, in place, on text and unknown-typed values (where free text lives). */
export function stripControlCharacters(component: ICAL.Component): void {
  for (const property of component.getAllProperties()) {
    if (property.type !== 'text' && property.type !== 'unknown') continue;
    const jcal = property.jCal;
    // TEXT values are never decorated by ical.js: it reads them straight from the jCal array.
    for (let index = 3; index < jcal.length; index += 1) jcal[index] = clean(jcal[index]);
  }
  for (const child of component.getAllSubcomponents()) stripControlCharacters(child);
}
