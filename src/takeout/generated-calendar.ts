// Calendars Google makes by itself and that Baluchon does not copy as events (DESIGN.md):
// contacts' birthdays (they live in the contacts; Nextcloud rebuilds a birthday calendar from
// them) and public holidays (offered as a subscription instead). Recognised by their content,
// which Google writes the same way in every language (TAKEOUT-NOTES §2.8). A calendar's name
// alone proves nothing — a family may call its own calendar "Anniversaires" — so names only
// decide for a calendar with no events at all.

export type GeneratedKind = 'birthdays' | 'holidays';

/** `BIRTHDAY_79d389868f96182e@google.com`, and the per-year copies `2014_BIRTHDAY_…`. */
const BIRTHDAY_UID = /^(?:\d{4}_)?BIRTHDAY_[0-9a-f]+@google\.com$/i;
/** `20221101_2c3kflc4jarsvbht100d2j89fg@google.com`: the day, then the holiday's id. */
const HOLIDAY_UID = /^\d{8}_[0-9a-z]+@google\.com$/i;

/** What one event (one UID) says about its calendar. */
export interface EventSignals {
  readonly birthday: boolean;
  readonly holiday: boolean;
}

export function eventSignals(
  uid: string | null,
  attendees: readonly string[],
  transp: string | null,
  klass: string | null,
): EventSignals {
  const transparent = transp?.trim().toUpperCase() === 'TRANSPARENT';
  return {
    // Birthday events invite a "Contacts" attendee at a …@virtual address.
    birthday:
      (uid !== null && BIRTHDAY_UID.test(uid.trim())) ||
      attendees.some((value) => value.trim().toLowerCase().endsWith('@virtual')),
    holiday:
      uid !== null &&
      HOLIDAY_UID.test(uid.trim()) &&
      transparent &&
      klass?.trim().toUpperCase() === 'PUBLIC',
  };
}

export interface CalendarSignals {
  readonly name: string;
  /** Every value of the VCALENDAR's own properties (a calendar id may appear in one). */
  readonly headerValues: readonly string[];
  readonly events: number;
  /** How many of them were looked at (the first ones: see SIGNAL_SAMPLE). */
  readonly sampled: number;
  readonly birthdayEvents: number;
  readonly holidayEvents: number;
}

const BIRTHDAY_NAMES = new Set(
  [
    "Contacts' birthdays and events",
    'Birthdays',
    'Anniversaires',
    'Anniversaires des contacts',
    'Geburtstage',
    'Cumpleaños',
    'Compleanni',
    'Verjaardagen',
  ].map(normaliseName),
);
const HOLIDAY_NAME =
  /^(holidays in |jours fériés|feiertage|festivos|días festivos|festività|giorni festivi|feestdagen)|holidays$/i;

export function generatedKind(calendar: CalendarSignals): GeneratedKind | null {
  const header = calendar.headerValues.join('\n').toLowerCase();
  // Google's calendar ids for these calendars (TAKEOUT-NOTES §2.8, §6.2).
  if (header.includes('#contacts@group.v.calendar.google.com')) return 'birthdays';
  if (header.includes('#holiday@group.v.calendar.google.com')) return 'holidays';
  const { events, sampled } = calendar;
  if (events > 0) {
    if (calendar.birthdayEvents * 2 >= sampled) return 'birthdays';
    if (calendar.holidayEvents * 2 >= sampled) return 'holidays';
    return null;
  }
  const name = normaliseName(calendar.name);
  if (BIRTHDAY_NAMES.has(name)) return 'birthdays';
  if (HOLIDAY_NAME.test(name)) return 'holidays';
  return null;
}

function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/[’‘]/g, "'").trim().toLowerCase();
}
