// What the runtime knows about an IANA zone: its UTC offset at any instant, and the instants where
// that offset changes. Node and Electron ship ICU with the full IANA history (LMT, wars, rule
// changes), refreshed with every release, so no time zone package is needed — and unlike the
// packaged VTIMEZONE libraries (vzic "Outlook" style, one 1970 rule, exactly like Google's own
// blocks) this history is right for 1985 in Moscow or 2010 in Caracas.

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneNamePart(
  locale: string,
  zone: string,
  style: 'longOffset' | 'short',
  epochMs: number,
): string {
  const key = `${locale}|${zone}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style });
    formatters.set(key, format);
  }
  return format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** `GMT+05:45`, `GMT-3`, `GMT+0:09:21`, `GMT` → seconds east of UTC. */
export function parseGmtOffset(text: string): number {
  const match = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/.exec(text);
  if (!match) throw new RangeError(`Unexpected offset text from Intl: ${text}`);
  if (!match[1]) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return sign * seconds;
}

/** UTC offset of `zone` at `epochMs`, in seconds east of UTC. The zone must be valid for Intl. */
export function offsetAt(zone: string, epochMs: number): number {
  return parseGmtOffset(zoneNamePart('en-US', zone, 'longOffset', epochMs));
}

// CLDR gives real abbreviations only in the locale where they are in use (CET in en-GB, AEST in
// en-AU, IST in en-IN) and writes GMT+1 elsewhere. TZNAME is informative: take the first real one.
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;

/** Short name of the zone at that instant (CEST, CDT, AEST), or GMT+1 when none is in use. */
export function abbreviationAt(zone: string, epochMs: number): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const name = zoneNamePart(locale, zone, 'short', epochMs);
    if (name === 'GMT' || !/^(GMT|UTC)/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

export interface ZoneTransition {
  /** The instant the new offset starts, epoch milliseconds. */
  readonly at: number;
  /** Offsets in seconds east of UTC, before and after. */
  readonly from: number;
  readonly to: number;
}

const DAY = 86_400_000;

/**
 * Every offset change in [fromMs, toMs), to the second. The scan samples once a day and
 * bisects where the offset differs: tzdb has no two changes less than a day apart that cancel
 * each other out, so a daily sample cannot miss a real change.
 */
export function findTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  let low = fromMs;
  let lowOffset = offsetAt(zone, fromMs);
  while (low < toMs) {
    const high = Math.min(low + DAY, toMs);
    const highOffset = offsetAt(zone, high);
    if (highOffset === lowOffset) {
      low = high;
      continue;
    }
    // Invariant: offset(a) === lowOffset, offset(b) !== lowOffset; whole seconds from `low`.
    let a = low;
    let b = high;
    while (b - a > 1000) {
      const middle = a + Math.floor((b - a) / 2000) * 1000;
      if (offsetAt(zone, middle) === lowOffset) a = middle;
      else b = middle;
    }
    const to = offsetAt(zone, b);
    if (b < toMs) transitions.push({ at: b, from: lowOffset, to });
    low = b;
    lowOffset = to;
  }
  return transitions;
}

/**
 * The instant a wall-clock time in `zone` denotes (`wallMs`: that wall-clock time read as if it
 * were UTC). In a skipped hour it lands after the change, as RFC 5545 §3.3.5 asks.
 */
export function instantOf(zone: string, wallMs: number): number {
  const guess = wallMs - offsetAt(zone, wallMs) * 1000;
  return wallMs - offsetAt(zone, guess) * 1000;
}
