// The step budget really applies inside ical.js, and every random rule finishes within it.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  boundedIterator,
  RecurrenceBudgetSpent,
  StepMeter,
} from '../../src/ical/bounded-recurrence.ts';
import { ruleNeverMatches } from '../../src/ical/impossible-rule.ts';
import { seriesFate } from '../../src/ical/series-occurrences.ts';

const zones = new Map<string, ICAL.Timezone>();

function master(start: string, rule: string, exdates: readonly string[] = [start]): ICAL.Component {
  const lines = ['BEGIN:VEVENT', 'UID:x', `DTSTART:${start}`, `RRULE:${rule}`];
  for (const exdate of exdates) lines.push(`EXDATE:${exdate}`);
  const text = [...lines, 'END:VEVENT', ''].join('\r\n');
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}

describe('boundedIterator', () => {
  it('stops ical.js inside one next() call once the budget is spent', () => {
    // The prefilter would refuse this rule; here it reaches ical.js, which never returns alone.
    const rule = ICAL.Recur.fromString('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30');
    const meter = new StepMeter(5_000);
    const iterator = boundedIterator(
      rule,
      ICAL.Time.fromDateTimeString('2025-01-01T10:00:00Z'),
      meter,
    );
    expect(String(iterator.next())).toBe('2025-01-01T10:00:00Z');
    expect(() => iterator.next()).toThrow(RecurrenceBudgetSpent);
    expect(meter.spent).toBe(5_001);
  });

  it('also bounds the set-up, where a yearly rule searches up to the year 20000', () => {
    const rule = ICAL.Recur.fromString('FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17');
    const meter = new StepMeter(1_000);
    const start = ICAL.Time.fromDateTimeString('2025-01-01T10:00:00Z');
    expect(() => boundedIterator(rule, start, meter)).toThrow(RecurrenceBudgetSpent);
  });

  it('leaves an ordinary rule as ical.js reads it', () => {
    const rule = ICAL.Recur.fromString('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3');
    const iterator = boundedIterator(
      rule,
      ICAL.Time.fromDateTimeString('2025-01-31T10:00:00Z'),
      new StepMeter(10_000),
    );
    // ical.js hands back the same Time object each time: read each date as it comes.
    const dates = [0, 1, 2, 3].map(() => String(iterator.next()));
    expect(dates).toEqual([
      '2025-01-31T10:00:00Z',
      '2025-02-28T10:00:00Z',
      '2025-03-28T10:00:00Z',
      'null',
    ]);
  });
});

describe('seriesFate', () => {
  const start = '20250101T100000Z';

  it('names a rule no date satisfies, before expanding it', () => {
    expect(seriesFate(master(start, 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), zones, 1)).toBe(
      'rule-never-happens',
    );
  });

  it('names a rule that gives no date within the budget (every 7 days from a Tuesday, on Mondays)', () => {
    const rule = 'FREQ=DAILY;INTERVAL=7;BYDAY=MO';
    const tuesday = '20250107T100000Z';
    // Mondays exist: only the expansion can tell, and ical.js alone would search for ever.
    expect(ruleNeverMatches(ICAL.Recur.fromString(rule))).toBe(false);
    expect(seriesFate(master(tuesday, rule), zones)).toBe('rule-never-happens');
  });

  it('finds a rare date well within the budget (29 February on a Monday: 2044)', () => {
    expect(seriesFate(master(start, 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO'), zones)).toBe(
      'happens',
    );
  });

  it('names a rule ical.js gives up on before its first date (a 6th Monday)', () => {
    const tuesday = '20250107T100000Z';
    expect(seriesFate(master(tuesday, 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6'), zones)).toBe(
      'rule-never-happens',
    );
  });

  it('keeps telling a series whose dates are all cancelled', () => {
    const rule = 'FREQ=DAILY;COUNT=2';
    expect(seriesFate(master(start, rule, [start, '20250102T100000Z']), zones)).toBe(
      'all-cancelled',
    );
  });
});

// Random BY* combinations within the ranges ical.js accepts, first date cancelled so that the
// rule must be expanded. Measured in iterator steps, never in time.
const BUDGET = 20_000;
const nonZero = (max: number) => fc.integer({ min: -max, max }).filter((value) => value !== 0);
const list = <T>(item: fc.Arbitrary<T>) => fc.uniqueArray(item, { minLength: 1, maxLength: 3 });
const weekday = fc.constantFrom('SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA');
const byDay = fc
  .tuple(fc.option(nonZero(5), { nil: undefined }), weekday)
  .map(([ordinal, day]) => `${ordinal ?? ''}${day}`);
const ruleText = fc
  .record(
    {
      FREQ: fc.constantFrom(
        'SECONDLY',
        'MINUTELY',
        'HOURLY',
        'DAILY',
        'WEEKLY',
        'MONTHLY',
        'YEARLY',
      ),
      INTERVAL: fc.integer({ min: 1, max: 5 }).map(String),
      BYMONTH: list(fc.integer({ min: 1, max: 12 })).map((v) => v.join(',')),
      BYMONTHDAY: list(nonZero(31)).map((v) => v.join(',')),
      BYDAY: list(byDay).map((v) => v.join(',')),
      BYSETPOS: list(nonZero(10)).map((v) => v.join(',')),
      BYYEARDAY: list(nonZero(366)).map((v) => v.join(',')),
      BYWEEKNO: list(nonZero(53)).map((v) => v.join(',')),
      COUNT: fc.integer({ min: 0, max: 20 }).map(String),
      UNTIL: fc.constantFrom('20240101T000000Z', '20260101T000000Z', '20991231T000000Z'),
    },
    { requiredKeys: ['FREQ'] },
  )
  .filter((parts) => !('COUNT' in parts && 'UNTIL' in parts))
  .map((parts) =>
    Object.entries(parts)
      .map(([key, value]) => `${key}=${value}`)
      .join(';'),
  );
const startText = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z');

describe('any recurrence rule', () => {
  it('finishes within the step budget, and is called impossible only when ical.js finds no date', () => {
    let impossible = 0;
    fc.assert(
      fc.property(ruleText, startText, fc.integer({ min: 0, max: 3 }), (rule, start, extra) => {
        let recur: ICAL.Recur;
        try {
          recur = ICAL.Recur.fromString(rule);
        } catch {
          return; // A rule ical.js refuses is never expanded.
        }
        const exdates = [start];
        for (let day = 1; day <= extra; day += 1) {
          exdates.push(start.replace(/^(\d{6})\d\d/, `$1${String(day).padStart(2, '0')}`));
        }
        const fate = seriesFate(master(start, rule, exdates), zones, BUDGET);
        expect(['happens', 'all-cancelled', 'rule-never-happens']).toContain(fate);

        // Soundness of the prefilter: ical.js, given a large budget, finds no date but DTSTART.
        if (!ruleNeverMatches(recur) || recur.count === 0) return;
        const first = ICAL.Time.fromDateTimeString(
          start.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
        );
        const meter = new StepMeter(200_000);
        const found: string[] = [];
        try {
          const iterator = boundedIterator(recur, first, meter);
          for (let n = 0; n < 5; n += 1) {
            const next = iterator.next() as ICAL.Time | null;
            if (!next) break;
            if (next.compare(first) !== 0) found.push(next.toString());
          }
        } catch {
          // Budget spent, or a rule ical.js cannot expand: no date found either way.
        }
        expect(found, `${rule} from ${start}`).toEqual([]);
        impossible += 1;
      }),
      { numRuns: 300, seed: 20261203 },
    );
    // The soundness half was exercised, not only the cheap rules.
    expect(impossible).toBeGreaterThan(5);
  });
});
