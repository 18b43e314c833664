// What one calendar is — an ordinary calendar of the family, Google's contacts' birthdays, or
// Google's public holidays — and its colour, decided here once for every source. The scan shows
// the verdict, the migration obeys it (it travels in SourceCalendar.identity): the family never
// sees a calendar ticked that the migration then leaves out.
//
// Generated calendars are not copied (DESIGN.md): birthdays live in the contacts (Nextcloud
// rebuilds a birthday calendar from BDAY; copying them would show every birthday twice);
// holidays are a subscription kept up to date by whoever publishes them. For France the State
// publishes one (Etalab, data.gouv.fr, one feed per zone, checked in
// etalab/jours-feries-france-data); elsewhere the family's calendar app adds holidays itself.
//
// Recognised by content, which Google writes the same way in every language (TAKEOUT-NOTES
// §2.8). The rule merges what the scan and the migration used to decide apart:
//   1. Google's calendar id in a header value (`#contacts@group.v.calendar.google.com`,
//      `#holiday@group.v.calendar.google.com`) settles it (the scan's rule);
//   2. else at least 80 % of the events looked at carry one kind's marks (the migration's
//      threshold: stricter than the scan's half, so a family's own events are never left out
//      because many of them look generated);
//   3. a calendar with no event at all is judged by its name (a name alone proves nothing when
//      there are events: a family may call its own calendar "Anniversaires").
// A holiday event is `YYYYMMDD_<id>@google.com`, all-day (the migration's sign) or transparent
// and public (the scan's sign): either is enough, so both readings agree.
import { unescapeText } from '../ical/calendar-source.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { CalendarIdentity, CalendarRole } from './source.ts';

/** `BIRTHDAY_79d389868f96182e@google.com`, and the per-year copies `2014_BIRTHDAY_…`. */
const BIRTHDAY_UID = /^(?:\d{4}_)?BIRTHDAY_[0-9a-f]+@google\.com$/i;
/** `20221101_2c3kflc4jarsvbht100d2j89fg@google.com`: the day, then the holiday's id. */
const HOLIDAY_UID = /^\d{8}_[0-9a-z]+@google\.com$/i;

/** Share of the events looked at that must carry one kind's marks. */
const GENERATED_SHARE = 0.8;

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
  allDay = false,
): EventSignals {
  const transparentPublic =
    transp?.trim().toUpperCase() === 'TRANSPARENT' && klass?.trim().toUpperCase() === 'PUBLIC';
  return {
    // Birthday events invite a "Contacts" attendee at a …@virtual address.
    birthday:
      (uid !== null && BIRTHDAY_UID.test(uid.trim())) ||
      attendees.some((value) => value.trim().toLowerCase().endsWith('@virtual')),
    holiday: uid !== null && HOLIDAY_UID.test(uid.trim()) && (allDay || transparentPublic),
  };
}

/** What a reader saw of a calendar's events (the first ones suffice: generated ones are uniform). */
export interface CalendarSigns {
  /** Events (distinct UIDs) in the calendar. */
  readonly events: number;
  /** How many of them were looked at. */
  readonly sampled: number;
  readonly birthdayEvents: number;
  readonly holidayEvents: number;
}

/** One property of the VCALENDAR itself, its value still as written (escaped). */
export interface HeaderProperty {
  readonly name: string;
  readonly value: string;
}

export interface CalendarFile {
  /** The calendar's own name (X-WR-CALNAME, else the file or collection name), '' when none. */
  readonly name: string;
  /** The VCALENDAR's own properties, upper-case names. */
  readonly header: readonly HeaderProperty[];
  readonly signs: CalendarSigns;
  /** The colour Google gave the calendar, when known (Calendar API `backgroundColor`). */
  readonly googleColor?: string | null;
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

/** Ordinary, birthdays or holidays (see the rule at the top of this file). */
export function calendarRole(calendar: CalendarFile): CalendarRole {
  const values = calendar.header
    .map((property) => property.value)
    .join('\n')
    .toLowerCase();
  if (values.includes('#contacts@group.v.calendar.google.com')) return 'birthdays';
  if (values.includes('#holiday@group.v.calendar.google.com')) return 'holidays';
  const { events, sampled, birthdayEvents, holidayEvents } = calendar.signs;
  if (events > 0) {
    if (sampled === 0) return 'ordinary';
    if (birthdayEvents >= GENERATED_SHARE * sampled) return 'birthdays';
    if (holidayEvents >= GENERATED_SHARE * sampled) return 'holidays';
    return 'ordinary';
  }
  const name = normaliseName(calendar.name);
  if (BIRTHDAY_NAMES.has(name)) return 'birthdays';
  if (HOLIDAY_NAME.test(name)) return 'holidays';
  return 'ordinary';
}

/**
 * The calendar's colour as `#rrggbb` (or a CSS3 colour keyword, RFC 7986 §5.9), null when none is
 * stated. Read in order: Google's own, COLOR, Apple's X-APPLE-CALENDAR-COLOR, Outlook's
 * X-OUTLOOK-COLOR (hex, sometimes #RRGGBBAA: the alpha is dropped). Google's iCalendar export
 * writes none (TAKEOUT-NOTES §2.2), so a Takeout calendar usually has null — never invented here.
 */
export function calendarColor(
  calendar: Pick<CalendarFile, 'header' | 'googleColor'>,
): string | null {
  const google = calendar.googleColor == null ? null : hexColor(calendar.googleColor.trim());
  if (google !== null) return google;
  for (const name of ['COLOR', 'X-APPLE-CALENDAR-COLOR', 'X-OUTLOOK-COLOR']) {
    const property = calendar.header.find((candidate) => candidate.name === name);
    if (property === undefined) continue;
    const value = property.value.trim();
    const color = hexColor(value) ?? (name === 'COLOR' ? cssKeyword(value) : null);
    if (color !== null) return color;
  }
  return null;
}

/** Soft colours that read well as text and as a background in Nextcloud and on phones. */
const PALETTE = [
  '#0082c9',
  '#e9322d',
  '#46ba61',
  '#f0b400',
  '#8e44ad',
  '#e67e22',
  '#16a085',
  '#d35400',
];

/** A stable pleasant colour for a new calendar whose source states none (same name, same colour). */
export function fallbackColor(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#0082c9';
}

const ETALAB_ZONES = [
  'metropole',
  'alsace-moselle',
  'guadeloupe',
  'guyane',
  'la-reunion',
  'martinique',
  'mayotte',
  'nouvelle-caledonie',
  'polynesie-francaise',
  'saint-barthelemy',
  'saint-martin',
  'saint-pierre-et-miquelon',
  'wallis-et-futuna',
] as const;

/**
 * For a holiday calendar: the State's feeds when it is France's (metropolitan France first, then
 * the other zones), else null — the family's calendar app adds holidays itself, and we say so
 * rather than guess a URL.
 */
function holidayFeeds(name: string, description: string): CalendarIdentity['holidayFeeds'] {
  if (!/fran(ce|kreich|cia|ça)|french/i.test(`${name} ${description}`)) return null;
  return ETALAB_ZONES.map((zone) => ({
    name: zone,
    url: `https://etalab.github.io/jours-feries-france-data/ics/jours_feries_${zone}.ics`,
  }));
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The key a Google calendar has whichever way it is read — from the archive (its file is named
 * after the calendar, the primary one after the account's address) or live (its summary, the
 * primary one's being that address too): its name. Two calendars of one source with the same
 * name cannot be told apart this way: those get none, and keep to their own keys.
 */
export function googleCalendarAliases(name: string, allNames: readonly string[]): string[] {
  const key = (one: string): string => one.trim().normalize('NFC');
  const same = allNames.filter((other) => key(other) === key(name)).length;
  return same === 1 ? [`google-calendar-named:${key(name)}`] : [];
}

/**
 * The whole verdict for one calendar. With `t`, the new calendar's name and description in the
 * family's language (Google names the primary calendar after the account's address: it becomes
 * "Main calendar"); without (a reading for tests and benches), the calendar's own name.
 */
export function calendarIdentity(calendar: CalendarFile, t?: Translator): CalendarIdentity {
  const name = calendar.name.trim();
  const role = calendarRole(calendar);
  const color = calendarColor(calendar);
  const calDesc = headerText(calendar.header, 'X-WR-CALDESC');
  const feeds = role === 'holidays' ? holidayFeeds(name, calDesc) : null;
  if (t === undefined) {
    return { role, displayName: name, color, description: null, holidayFeeds: feeds };
  }
  const primary = EMAIL.test(name);
  const displayName = primary
    ? t('items:calendar.main-name')
    : name === ''
      ? t('items:calendar.unnamed-name')
      : t('items:calendar.imported-name', { name });
  const description = primary
    ? t('items:calendar.main-description', { address: name })
    : t('items:calendar.imported-description', { name: name || displayName });
  return { role, displayName, color, description, holidayFeeds: feeds };
}

function headerText(header: readonly HeaderProperty[], name: string): string {
  const property = header.find((candidate) => candidate.name === name);
  return property === undefined ? '' : unescapeText(property.value);
}

/** `#abc`, `#aabbcc`, `#aabbccdd` (Apple adds alpha) → `#aabbcc`; anything else → null. */
function hexColor(value: string): string | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value);
  const digits = hex?.[1]?.toLowerCase();
  if (digits === undefined) return null;
  return digits.length === 3 ? `#${digits.replace(/./g, '$&$&')}` : `#${digits.slice(0, 6)}`;
}

/** A CSS3 colour keyword (RFC 7986 §5.9 refers to CSS3's named colours). */
function cssKeyword(value: string): string | null {
  return /^[a-z]{3,20}$/i.test(value) ? value.toLowerCase() : null;
}

function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/[’‘]/g, "'").trim().toLowerCase();
}
