// Google's reminders as VALARMs (RFC 5545 §3.6.6). `useDefault` means "the calendar's default
// reminders" (calendarList's `defaultReminders`), which Google does not copy into the event: they
// are written out here, or the family's usual reminders would vanish on arrival.
//   - popup → DISPLAY;
//   - email → EMAIL to the account's own address, as Google's own export writes it (the reminder
//     is the family's, not the guests'); the engine then turns it into DISPLAY on an event with
//     guests (src/ical/neutralise-scheduling.ts: Nextcloud mails every attendee otherwise). When
//     the account's address is not known (no primary calendar listed), DISPLAY: a reminder shown
//     is better than one sent to nobody.
// The description is Google's own ("This is an event reminder"), so that an event read live and
// the same event read from an archive hold the same alarm.
import ICAL from 'ical.js';
import type { calendar_v3 } from '@googleapis/calendar';

export type GoogleReminder = calendar_v3.Schema$EventReminder;

const REMINDER_TEXT = 'This is an event reminder';

export function remindersOf(
  event: calendar_v3.Schema$Event,
  defaults: readonly GoogleReminder[],
): readonly GoogleReminder[] {
  const reminders = event.reminders;
  if (reminders == null || reminders.useDefault === true) return defaults;
  return reminders.overrides ?? [];
}

export function addAlarms(
  component: ICAL.Component,
  reminders: readonly GoogleReminder[],
  accountAddress: string | null,
): void {
  for (const reminder of reminders) {
    const minutes = reminder.minutes;
    if (minutes == null || !Number.isInteger(minutes) || minutes < 0) continue;
    const alarm = new ICAL.Component('valarm');
    const email = reminder.method === 'email' && accountAddress !== null;
    alarm.addPropertyWithValue('action', email ? 'EMAIL' : 'DISPLAY');
    // "minutes before the start" (0 to 40320, Calendar API reference).
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-minutes * 60));
    alarm.addPropertyWithValue('description', REMINDER_TEXT);
    if (email) {
      alarm.addPropertyWithValue('summary', 'Alarm notification');
      alarm.addPropertyWithValue('attendee', `mailto:${accountAddress}`);
    }
    component.addSubcomponent(alarm);
  }
}
