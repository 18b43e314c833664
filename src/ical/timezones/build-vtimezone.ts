// A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, built from the runtime's zone history, valid
// from the year before the earliest date that uses it up to forever:
//   - the offset in force at the start of that range,
//   - every change before the zone's current yearly rule began, one dated observance each,
//   - the current yearly rule as two RRULE observances (or nothing, for zones without DST).
// Google writes one synthetic 1970 rule instead, which is wrong before any rule change.
import ICAL from 'ical.js';
import type { ZoneTransition } from './zone-offsets.ts';
import { abbreviationAt, findTransitions, offsetAt } from './zone-offsets.ts';

/** Rules are read in the ten years before this one; what holds there is taken to hold forever. */
export const HORIZON_YEAR = 2040;
const RULE_WINDOW_YEARS = 10;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

interface LocalTransition extends ZoneTransition {
  /** Wall-clock time just before the change, in the old offset (what DTSTART holds). */
  readonly local: Date;
}

function withLocal(transition: ZoneTransition): LocalTransition {
  return { ...transition, local: new Date(transition.at + roundToMinute(transition.from) * 1000) };
}

/** ical.js and most clients read offsets to the minute; only LMT offsets carry seconds. */
function roundToMinute(seconds: number): number {
  return Math.round(seconds / 60) * 60;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatLocal(local: Date): string {
  return (
    `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`
  );
}

function formatOffset(seconds: number): string {
  const rounded = roundToMinute(seconds);
  const sign = rounded < 0 ? '-' : '+';
  const absolute = Math.abs(rounded);
  return `${sign}${pad(Math.floor(absolute / 3600))}${pad(Math.floor((absolute % 3600) / 60))}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Every yearly rule part that puts a change on this local date, most conventional first. */
function dayRules(local: Date): string[] {
  const day = local.getUTCDate();
  const weekday = WEEKDAYS[local.getUTCDay()] ?? 'SU';
  const last = daysInMonth(local.getUTCFullYear(), local.getUTCMonth());
  const rules: string[] = [];
  if (day <= 28) rules.push(`BYDAY=${Math.ceil(day / 7)}${weekday}`);
  if (day > last - 7) rules.push(`BYDAY=-1${weekday}`);
  rules.push(`BYMONTHDAY=${day}`);
  // "weekday on or after the k-th" (tzdb `Sun>=8`, Israel's `Fri>=23`): seven month days + BYDAY.
  for (let first = Math.max(1, day - 6); first <= day && first + 6 <= last; first += 1) {
    const days = Array.from({ length: 7 }, (_, index) => first + index).join(',');
    rules.push(`BYMONTHDAY=${days};BYDAY=${weekday}`);
  }
  return rules;
}

interface Half {
  readonly month: number;
  readonly time: string;
  readonly from: number;
  readonly to: number;
  readonly rules: readonly string[];
}

function halfOf(transition: LocalTransition): Half {
  return {
    month: transition.local.getUTCMonth(),
    time: formatLocal(transition.local).slice(9),
    from: roundToMinute(transition.from),
    to: roundToMinute(transition.to),
    rules: dayRules(transition.local),
  };
}

function sameShape(a: Half, b: Half): boolean {
  return a.month === b.month && a.time === b.time && a.from === b.from && a.to === b.to;
}

function byYear(transitions: readonly LocalTransition[]): Map<number, LocalTransition[]> {
  const years = new Map<number, LocalTransition[]>();
  for (const transition of transitions) {
    const year = transition.local.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), transition]);
  }
  return years;
}

interface YearlyRule {
  /** First year in which both changes follow the rule. */
  readonly since: number;
  readonly halves: readonly [Half & { rule: string }, Half & { rule: string }];
}

/** The two-changes-a-year rule the zone follows up to the horizon, if it has one. */
function findYearlyRule(
  transitions: readonly LocalTransition[],
  firstYear: number,
): YearlyRule | undefined {
  const years = byYear(transitions);
  const windowStart = HORIZON_YEAR - RULE_WINDOW_YEARS;
  const pairs: (readonly [Half, Half])[] = [];
  for (let year = windowStart; year < HORIZON_YEAR; year += 1) {
    const changes = years.get(year) ?? [];
    const [first, second] = changes;
    if (changes.length !== 2 || !first || !second) return undefined;
    pairs.push([halfOf(first), halfOf(second)]);
  }
  const [model] = pairs;
  if (!model) return undefined;
  const rules = [0, 1].map((index) => {
    const reference = model[index as 0 | 1];
    const common = pairs.every((pair) => sameShape(pair[index as 0 | 1], reference))
      ? reference.rules.filter((rule) =>
          pairs.every((pair) => pair[index as 0 | 1].rules.includes(rule)),
        )
      : [];
    return common[0];
  });
  const [firstRule, secondRule] = rules;
  if (firstRule === undefined || secondRule === undefined) return undefined;
  const matches = (year: number): boolean => {
    const [first, second] = years.get(year) ?? [];
    if (years.get(year)?.length !== 2 || !first || !second) return false;
    const a = halfOf(first);
    const b = halfOf(second);
    return (
      sameShape(a, model[0]) &&
      sameShape(b, model[1]) &&
      a.rules.includes(firstRule) &&
      b.rules.includes(secondRule)
    );
  };
  let since = windowStart;
  while (since - 1 >= firstYear && matches(since - 1)) since -= 1;
  return {
    since,
    halves: [
      { ...model[0], rule: firstRule },
      { ...model[1], rule: secondRule },
    ],
  };
}

function observanceKind(
  transition: ZoneTransition,
  next: ZoneTransition | undefined,
): 'DAYLIGHT' | 'STANDARD' {
  // Daylight time is a temporary step forward; a permanent change of standard offset is not.
  const temporary =
    next !== undefined && next.at - transition.at < 400 * 86_400_000 && next.to < transition.to;
  return transition.to > transition.from && temporary ? 'DAYLIGHT' : 'STANDARD';
}

function observance(kind: string, lines: readonly string[]): string[] {
  return [`BEGIN:${kind}`, ...lines, `END:${kind}`];
}

const transitionCache = new Map<string, { startMs: number; transitions: ZoneTransition[] }>();

/** A calendar asks for the same zone from many years: scan its history once, from the earliest. */
function transitionsSince(tzid: string, startMs: number, endMs: number): ZoneTransition[] {
  const cached = transitionCache.get(tzid);
  if (cached && cached.startMs <= startMs) return cached.transitions.filter((t) => t.at >= startMs);
  const transitions = findTransitions(tzid, startMs, endMs);
  transitionCache.set(tzid, { startMs, transitions });
  return transitions;
}

function buildText(tzid: string, fromYear: number): string {
  const startMs = Date.UTC(fromYear - 1, 0, 1);
  const endMs = Date.UTC(HORIZON_YEAR, 0, 1);
  const transitions = transitionsSince(tzid, startMs, endMs).map(withLocal);
  const rule = findYearlyRule(transitions, fromYear - 1);
  const explicit = rule
    ? transitions.filter((t) => t.local.getUTCFullYear() < rule.since)
    : transitions;

  const initialOffset = offsetAt(tzid, startMs);
  const lines: string[] = [`TZID:${tzid}`, `X-LIC-LOCATION:${tzid}`];
  lines.push(
    ...observance('STANDARD', [
      `DTSTART:${formatLocal(new Date(startMs + roundToMinute(initialOffset) * 1000))}`,
      `TZOFFSETFROM:${formatOffset(initialOffset)}`,
      `TZOFFSETTO:${formatOffset(initialOffset)}`,
      `TZNAME:${abbreviationAt(tzid, startMs)}`,
    ]),
  );

  // One observance per dated change. RDATE lists would be shorter, but ical.js then drops the
  // DTSTART onset and Outlook ignores RDATE in VTIMEZONE altogether; plain DTSTARTs work everywhere.
  explicit.forEach((transition, index) => {
    // `explicit` is a prefix of `transitions`, so the change after explicit[i] is transitions[i + 1].
    lines.push(
      ...observance(observanceKind(transition, transitions[index + 1]), [
        `DTSTART:${formatLocal(transition.local)}`,
        `TZOFFSETFROM:${formatOffset(transition.from)}`,
        `TZOFFSETTO:${formatOffset(transition.to)}`,
        `TZNAME:${abbreviationAt(tzid, transition.at)}`,
      ]),
    );
  });

  if (rule) {
    const ruled = transitions.filter((t) => t.local.getUTCFullYear() >= rule.since);
    rule.halves.forEach((half, index) => {
      const first = ruled[index];
      if (!first) return;
      const kind = half.to > half.from ? 'DAYLIGHT' : 'STANDARD';
      lines.push(
        ...observance(kind, [
          `DTSTART:${formatLocal(first.local)}`,
          `RRULE:FREQ=YEARLY;BYMONTH=${half.month + 1};${half.rule}`,
          `TZOFFSETFROM:${formatOffset(half.from)}`,
          `TZOFFSETTO:${formatOffset(half.to)}`,
          `TZNAME:${abbreviationAt(tzid, first.at)}`,
        ]),
      );
    });
  }
  return ['BEGIN:VTIMEZONE', ...lines, 'END:VTIMEZONE', ''].join('\r\n');
}

const cache = new Map<string, unknown[]>();

/**
 * The VTIMEZONE for an IANA zone name (as returned by `normaliseTzid`), covering `fromYear` and
 * every later date, as jCal. Cached per zone and year: a calendar uses few zones.
 */
export function buildVtimezone(tzid: string, fromYear: number): unknown[] {
  const key = `${tzid}|${fromYear}`;
  let jcal = cache.get(key);
  if (!jcal) {
    jcal = ICAL.parse(buildText(tzid, fromYear)) as unknown[];
    cache.set(key, jcal);
  }
  return structuredClone(jcal);
}
