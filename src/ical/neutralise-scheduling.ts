// No invitation, ever. A CalDAV server with scheduling (sabre/dav in Nextcloud) e-mails the
// attendees of an event it stores when the ORGANIZER is the account owner — for imported past
// events too — and e-mails the organiser when an attendee's answer changes. RFC 6638 §7.1:
// `SCHEDULE-AGENT=CLIENT` on ORGANIZER and on every ATTENDEE tells the server the client handles
// scheduling itself, so it sends nothing, now or when the event is edited later (clients keep
// the parameter). SCHEDULE-FORCE-SEND (§7.2) would override that, so it goes.
//
// Alarms: an EMAIL alarm's ATTENDEE (RFC 5545 §3.6.6) is who receives the reminder, not a
// participant, and servers never schedule from it, so it keeps its address and gets no
// SCHEDULE-AGENT. But Nextcloud's reminder service mails an EMAIL alarm to every attendee and to
// the organiser of the event (apps/dav EmailProvider), whatever the alarm says: on an event with
// guests, the family's reminder would reach all of them. There it becomes a DISPLAY alarm (same
// time, shown to the family); elsewhere it stays an e-mail reminder.
//
// Google writes `ORGANIZER:mailto:unknownorganizer@calendar.google.com` on events imported into
// it: nobody organised them. Kept, it makes Nextcloud show the family as a mere guest of their
// own event; it is removed.
import type ICAL from 'ical.js';
import { summaryOf } from './describe-event.ts';

const UNKNOWN_ORGANIZER = /^mailto:unknownorganizer@calendar\.google\.com$/i;

function neutralise(property: ICAL.Property): void {
  property.setParameter('schedule-agent', 'CLIENT');
  property.removeParameter('schedule-force-send');
  property.removeParameter('schedule-status');
}

export interface SchedulingResult {
  /** EMAIL alarms turned into DISPLAY alarms because the event has guests. */
  readonly emailAlarmsShown: number;
}

/** Applies to one VEVENT, VTODO or VJOURNAL (master or override), in place. */
export function neutraliseScheduling(component: ICAL.Component): SchedulingResult {
  for (const organizer of component.getAllProperties('organizer')) {
    if (UNKNOWN_ORGANIZER.test(String(organizer.getFirstValue())))
      component.removeProperty(organizer);
    else neutralise(organizer);
  }
  const attendees = component.getAllProperties('attendee');
  for (const attendee of attendees) neutralise(attendee);

  const withGuests = attendees.length > 0 || component.hasProperty('organizer');
  let emailAlarmsShown = 0;
  if (!withGuests) return { emailAlarmsShown };
  for (const alarm of component.getAllSubcomponents('valarm')) {
    if (String(alarm.getFirstPropertyValue('action')).toUpperCase() !== 'EMAIL') continue;
    const text =
      alarm.getFirstPropertyValue('description') ?? alarm.getFirstPropertyValue('summary');
    alarm.updatePropertyWithValue('action', 'DISPLAY');
    // RFC 5545 §3.6.6: a DISPLAY alarm has a DESCRIPTION and no ATTENDEE, SUMMARY or ATTACH.
    for (const name of ['attendee', 'summary', 'attach']) alarm.removeAllProperties(name);
    const description =
      typeof text === 'string' && text !== '' ? text : (summaryOf(component) ?? 'Reminder');
    alarm.updatePropertyWithValue('description', description);
    emailAlarmsShown += 1;
  }
  return { emailAlarmsShown };
}
