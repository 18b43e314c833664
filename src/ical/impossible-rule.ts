// Does a recurrence rule's BY* parts leave any day at all? FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30
// names a day no calendar has; ical.js would search for it for ever (see bounded-recurrence.ts).
// Decided before expanding, by walking the days of enough years to hold every kind of year and
// keeping those that pass every part. Only conditions each occurrence must meet are applied
// (what a part means depends on FREQ only for BYDAY's ordinals, applied where RFC 5545 §3.3.10
// gives them one reading), so a rule said impossible truly is; the rest is left to the metered
// expansion. BYSETPOS, INTERVAL and DTSTART narrow further and are not looked at here.
import type ICAL from 'ical.js';

/** 2000–2056: every Gregorian kind of year (leap or not × seven first days), twice, with its
 *  neighbours (a week number depends on the year before and after). 1901–2099 repeat every 28. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2056;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

interface DayFacts {
  month: number;
  day: number;
  daysInMonth: number;
  yearDay: number;
  daysInYear: number;
  weekday: number;
  week: number;
  weeksInYear: number;
}

function numbers(parts: Record<string, unknown>, name: string): number[] | undefined {
  const value = parts[name];
  if (!Array.isArray(value)) return undefined;
  const list = value.map(Number);
  // A value ical.js kept but we cannot read: the part is not applied (never wrongly "impossible").
  return list.every(Number.isInteger) ? list : undefined;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInYear(year: number): number {
  return isLeap(year) ? 366 : 365;
}

/** Day of the year (1-based, may be ≤ 0) where week 1 starts: the first week holding 4 days. */
function weekOneStart(year: number, weekStart: number): number {
  const offset = (new Date(Date.UTC(year, 0, 1)).getUTCDay() - weekStart + 7) % 7;
  return offset <= 3 ? 1 - offset : 8 - offset;
}

function weeksIn(year: number, weekStart: number): number {
  return (daysInYear(year) + weekOneStart(year + 1, weekStart) - weekOneStart(year, weekStart)) / 7;
}

/** Matches `value` counted from the start, or `value - size - 1` counted from the end. */
function matchesEither(set: readonly number[], value: number, size: number): boolean {
  return set.includes(value) || set.includes(value - size - 1);
}

interface ByDay {
  ordinal: number;
  weekday: number;
}

function byDayOf(parts: Record<string, unknown>): ByDay[] | undefined {
  const value = parts['BYDAY'];
  if (!Array.isArray(value)) return undefined;
  const days: ByDay[] = [];
  for (const entry of value) {
    const match = /^([+-]?\d{1,3})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(String(entry).toUpperCase());
    if (!match) return undefined;
    const weekday = WEEKDAYS.indexOf(match[2] as (typeof WEEKDAYS)[number]);
    days.push({ ordinal: match[1] === undefined ? 0 : Number(match[1]), weekday });
  }
  return days;
}

type Scope = 'month' | 'year' | 'none';

/** Where BYDAY's ordinals count (RFC 5545 §3.3.10); elsewhere only the weekday is applied. */
function ordinalScope(freq: string, parts: Record<string, unknown>): Scope {
  if (freq === 'MONTHLY') return 'month';
  if (freq !== 'YEARLY' || 'BYWEEKNO' in parts) return 'none';
  return 'BYMONTH' in parts ? 'month' : 'year';
}

function byDayMatches(days: readonly ByDay[], facts: DayFacts, scope: Scope): boolean {
  return days.some(({ ordinal, weekday }) => {
    if (weekday !== facts.weekday) return false;
    if (ordinal === 0 || scope === 'none') return true;
    const [position, size] =
      scope === 'month' ? [facts.day, facts.daysInMonth] : [facts.yearDay, facts.daysInYear];
    const fromStart = Math.ceil(position / 7);
    const fromEnd = -(Math.floor((size - position) / 7) + 1);
    return ordinal === fromStart || ordinal === fromEnd;
  });
}

/** True when no date can ever satisfy the rule's BY* parts. */
export function ruleNeverMatches(rule: ICAL.Recur): boolean {
  const parts = rule.parts as Record<string, unknown>;
  // Values out of range (BYHOUR=24, BYYEARDAY=367) never get here: ical.js refuses the rule.
  if (rule.count === 0) return true;
  const months = numbers(parts, 'BYMONTH');
  const monthDays = numbers(parts, 'BYMONTHDAY');
  const yearDays = numbers(parts, 'BYYEARDAY');
  const weekNumbers = numbers(parts, 'BYWEEKNO');
  const byDay = byDayOf(parts);
  if (!months && !monthDays && !yearDays && !weekNumbers && !byDay) return false;
  const scope = ordinalScope(rule.freq, parts);
  // ical.js numbers week days 1 (Sunday) to 7.
  const weekStart = (rule.wkst || 2) - 1;

  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const yearLength = daysInYear(year);
    const weekOne = weekOneStart(year, weekStart);
    const weeks = weeksIn(year, weekStart);
    const firstWeekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
    let yearDay = 0;
    for (let month = 1; month <= 12; month += 1) {
      const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (let day = 1; day <= monthLength; day += 1) {
        yearDay += 1;
        if (months && !months.includes(month)) continue;
        if (monthDays && !matchesEither(monthDays, day, monthLength)) continue;
        if (yearDays && !matchesEither(yearDays, yearDay, yearLength)) continue;
        let week = Math.floor((yearDay - weekOne) / 7) + 1;
        let weeksInItsYear = weeks;
        if (week < 1) {
          weeksInItsYear = weeksIn(year - 1, weekStart);
          week = weeksInItsYear;
        } else if (week > weeks) {
          weeksInItsYear = weeksIn(year + 1, weekStart);
          week = 1;
        }
        if (weekNumbers && !matchesEither(weekNumbers, week, weeksInItsYear)) continue;
        const facts: DayFacts = {
          month,
          day,
          daysInMonth: monthLength,
          yearDay,
          daysInYear: yearLength,
          weekday: (firstWeekday + yearDay - 1) % 7,
          week,
          weeksInYear: weeksInItsYear,
        };
        if (byDay && !byDayMatches(byDay, facts, scope)) continue;
        return false;
      }
    }
  }
  return true;
}
