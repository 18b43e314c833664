// The new calendar that will receive a Google calendar: a name the family recognises, a colour,
// its time zone — or no calendar at all, for the ones Google generates:
//   - contacts' birthdays: not copied; they live in the contacts (BDAY), from which Nextcloud
//     builds its own birthday calendar — copying them would show every birthday twice;
//   - public holidays: not copied either; a holiday calendar is a subscription, kept up to date
//     by whoever publishes it. For France the State publishes one (Etalab, data.gouv.fr, one feed
//     per zone, verified in etalab/jours-feries-france-data: GitHub Pages serves its `data/`
//     folder); elsewhere the family's calendar app adds holidays itself (Nextcloud: "Add holiday
//     calendar"), and we say so rather than guess a URL.
import type { Translator } from '../i18n/create-i18n.ts';
import type { CalendarHeader } from './calendar-source.ts';
import type { GeneratedSigns } from './survey-calendar.ts';
import { normaliseTzid } from './timezones/normalise-tzid.ts';

export type GeneratedKind = 'birthdays' | 'holidays';

export interface HolidayFeed {
  /** The Etalab zone name (`metropole`, `alsace-moselle`, `la-reunion`…). */
  readonly zone: string;
  readonly url: string;
}

export type HolidaySuggestion =
  | {
      readonly kind: 'subscription';
      /** Metropolitan France first; the other zones for families living elsewhere. */
      readonly feeds: readonly HolidayFeed[];
      readonly publisher: string;
    }
  | { readonly kind: 'calendar-app' };

export interface CalendarPlan {
  readonly displayName: string;
  readonly description: string;
  /** `#RRGGBB`, as CalDAV clients read `calendar-color`. */
  readonly color: string;
  /** IANA name for the CalDAV `calendar-timezone`, when Google declared one. */
  readonly timezone: string | undefined;
  readonly generated: GeneratedKind | null;
  readonly holidays: HolidaySuggestion | undefined;
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

const etalabFeed = (zone: string): HolidayFeed => ({
  zone,
  url: `https://etalab.github.io/jours-feries-france-data/ics/jours_feries_${zone}.ics`,
});

/** Soft colours that read well as text and as a background in Nextcloud and on phones. */
const PALETTE = [
  '#0082C9',
  '#E9322D',
  '#46BA61',
  '#F0B400',
  '#8E44AD',
  '#E67E22',
  '#16A085',
  '#D35400',
];

/** A generated calendar when at least 80 % of its items carry Google's marks for that kind. */
export function classifyCalendar(signs: GeneratedSigns): GeneratedKind | null {
  if (signs.uids === 0) return null;
  if (signs.birthdayUids >= 0.8 * signs.uids) return 'birthdays';
  if (signs.holidayUids >= 0.8 * signs.uids) return 'holidays';
  return null;
}

/** `#abc`, `#AABBCC`, `#AABBCCDD` (Apple adds alpha) → `#AABBCC`; anything else → undefined. */
export function normaliseColor(value: string | undefined): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value?.trim() ?? '');
  const hex = match?.[1];
  if (hex === undefined) return undefined;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex.slice(0, 6);
  return `#${full.toUpperCase()}`;
}

function paletteColor(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#0082C9';
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function holidaySuggestion(header: CalendarHeader): HolidaySuggestion {
  const words = `${header['X-WR-CALNAME'] ?? ''} ${header['X-WR-CALDESC'] ?? ''}`;
  if (/fran(ce|kreich|cia|ça)|french/i.test(words)) {
    return {
      kind: 'subscription',
      feeds: ETALAB_ZONES.map(etalabFeed),
      publisher: 'Etalab (data.gouv.fr)',
    };
  }
  return { kind: 'calendar-app' };
}

export interface PlanOptions {
  /** The colour Google gave the calendar, when known (Calendar API `backgroundColor`). */
  readonly googleColor?: string;
  /** A name to fall back on when the file has no X-WR-CALNAME (the file name, say). */
  readonly fallbackName?: string;
}

export function planCalendar(
  header: CalendarHeader,
  signs: GeneratedSigns,
  t: Translator,
  options: PlanOptions = {},
): CalendarPlan {
  const name = (header['X-WR-CALNAME'] ?? '').trim() || options.fallbackName?.trim() || '';
  // Google names the primary calendar after the account's address.
  const primary = EMAIL.test(name);
  const displayName = primary
    ? t('items:calendar.main-name')
    : name === ''
      ? t('items:calendar.unnamed-name')
      : t('items:calendar.imported-name', { name });
  const description = primary
    ? t('items:calendar.main-description', { address: name })
    : t('items:calendar.imported-description', { name: name || displayName });
  const generated = classifyCalendar(signs);
  const declaredZone = header['X-WR-TIMEZONE'];
  return {
    displayName,
    description,
    color:
      normaliseColor(options.googleColor) ??
      normaliseColor(header['X-APPLE-CALENDAR-COLOR']) ??
      paletteColor(name),
    timezone: declaredZone ? normaliseTzid(declaredZone) : undefined,
    generated,
    holidays: generated === 'holidays' ? holidaySuggestion(header) : undefined,
  };
}
