// Guests and organizer as ATTENDEE and ORGANIZER (RFC 5545 §3.8.4.1, §3.8.4.3), with
// SCHEDULE-AGENT=CLIENT (RFC 6638 §7.1) so that no server ever mails an invitation for an
// imported event. The engine sets it again (src/ical/neutralise-scheduling.ts); setting it here
// too keeps the components safe for any other reader.
// ORGANIZER is written only when the event has guests: RFC 5545 reserves it for group-scheduled
// events, and Google's own export does the same (an event of one's own has no organizer).
import ICAL from 'ical.js';
import type { calendar_v3 } from '@googleapis/calendar';

const PARTSTAT: Readonly<Record<string, string>> = {
  needsAction: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};

/** The `mailto:` address, or null when Google gave none (a guest without e-mail is left out). */
function mailto(email: string | null | undefined): string | null {
  const address = email?.trim();
  return address === undefined || address === '' ? null : `mailto:${address}`;
}

export function addPeople(component: ICAL.Component, event: calendar_v3.Schema$Event): void {
  const guests = (event.attendees ?? []).filter((guest) => mailto(guest.email) !== null);
  if (guests.length === 0) return;
  const organizer = mailto(event.organizer?.email);
  if (organizer !== null) {
    const property = component.addPropertyWithValue('organizer', organizer);
    const name = event.organizer?.displayName?.trim();
    if (name) property.setParameter('cn', name);
    property.setParameter('schedule-agent', 'CLIENT');
  }
  for (const guest of guests) {
    const property = new ICAL.Property('attendee', component);
    property.setValue(mailto(guest.email) ?? '');
    property.setParameter('cutype', guest.resource === true ? 'RESOURCE' : 'INDIVIDUAL');
    property.setParameter('role', guest.optional === true ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT');
    property.setParameter('partstat', PARTSTAT[guest.responseStatus ?? ''] ?? 'NEEDS-ACTION');
    const name = guest.displayName?.trim();
    if (name) property.setParameter('cn', name);
    // Google's own export writes the "+N" guests a person brings (X-NUM-GUESTS).
    property.setParameter('x-num-guests', String(guest.additionalGuests ?? 0));
    property.setParameter('schedule-agent', 'CLIENT');
    component.addProperty(property);
  }
}
