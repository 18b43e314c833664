// An ical.js recurrence iterator that cannot run for ever. ical.js's RecurIterator.next() loops
// inside one call until a date passes every BY* part: a rule no date satisfies
// (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) never returns, and a YEARLY rule's set-up searches up to
// the year 20000. Counting the occurrences we ask for bounds nothing; so every method of the
// iterator is metered instead: each loop ical.js runs (the do/while in next(), the year search
// in init(), the week walk) calls at least one of them per turn, so the meter bounds the work
// in steps, whatever the rule. Steps, not time: the same rule costs the same on every machine.
//
//   const meter = new StepMeter(200_000);
//   const iterator = boundedIterator(rule, start, meter);   // may throw RecurrenceBudgetSpent
//   iterator.next();                                         // likewise
import ICAL from 'ical.js';

/**
 * Thrown from inside ical.js when the meter is spent. Internal control flow, caught by the
 * caller that set the budget; it never reaches the family, so it is no BaluchonError.
 */
export class RecurrenceBudgetSpent extends Error {
  constructor(readonly steps: number) {
    super(`recurrence expansion stopped after ${steps} steps`);
    this.name = 'RecurrenceBudgetSpent';
  }
}

export class StepMeter {
  #spent = 0;

  constructor(readonly budget: number) {}

  get spent(): number {
    return this.#spent;
  }

  spend(): void {
    this.#spent += 1;
    if (this.#spent > this.budget) throw new RecurrenceBudgetSpent(this.#spent);
  }
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** The iterator's own methods (init, next, next_day, expand_year_days, …). */
const methodNames = Object.getOwnPropertyNames(ICAL.RecurIterator.prototype).filter(
  (name) =>
    name !== 'constructor' &&
    typeof Object.getOwnPropertyDescriptor(ICAL.RecurIterator.prototype, name)?.value ===
      'function',
);

/**
 * A RecurIterator whose every method spends one step of `meter`. A subclass made per call: the
 * base constructor runs init() (which may loop) before any field of ours exists, so the meter
 * comes from the closure rather than from the instance.
 */
export function boundedIterator(
  rule: ICAL.Recur,
  start: ICAL.Time,
  meter: StepMeter,
): ICAL.RecurIterator {
  class Metered extends ICAL.RecurIterator {}
  const base = ICAL.RecurIterator.prototype as unknown as Record<string, Method>;
  const metered = Metered.prototype as unknown as Record<string, Method>;
  for (const name of methodNames) {
    const original = base[name];
    if (!original) continue;
    metered[name] = function (this: unknown, ...args: unknown[]) {
      meter.spend();
      return original.apply(this, args);
    };
  }
  return new Metered({ rule, dtstart: start });
}
