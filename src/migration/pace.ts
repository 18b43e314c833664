// How fast one kind of work goes, measured as it goes: items per second for calendars, contacts
// and tasks, bytes per second for files. The rate is smoothed over recent progress (an
// exponentially weighted average whose weights fade with time, not with the number of
// samples), so an estimate follows a change of pace within half a minute without
// jumping at every item.

/** How long, in seconds, a past pace keeps weight e⁻¹ in the average. */
const smoothingSeconds = 15;
/** Samples closer than this are gathered into one (a burst of small items is one sample). */
const minSampleMs = 1000;
/** Before this much measured time, the pace is not known: say nothing rather than guess. */
const warmUpMs = 2000;

export class Pace {
  /** When the measuring began (this kind's first work), in ms; null before. */
  #since: number | null = null;
  #amount = 0;
  #sampledAt = 0;
  #sampledAmount = 0;
  #rate: number | null = null;

  get started(): boolean {
    return this.#since !== null;
  }

  /** Starts the measure at `at` (ms): the moment this kind's work began. Once only. */
  start(at: number): void {
    if (this.#since !== null) return;
    this.#since = at;
    this.#sampledAt = at;
  }

  /** `amount` more done at `at` (ms). */
  add(amount: number, at: number): void {
    if (this.#since === null) this.start(at);
    this.#amount += amount;
    const since = this.#since ?? at;
    const seconds = (at - this.#sampledAt) / 1000;
    if (at - this.#sampledAt < minSampleMs) return;
    if (this.#rate === null) {
      // The first rate: the average since the start, once long enough to mean something.
      if (at - since >= warmUpMs && this.#amount > 0) {
        this.#rate = this.#amount / ((at - since) / 1000);
      } else return;
    } else {
      const recent = (this.#amount - this.#sampledAmount) / seconds;
      const weight = 1 - Math.exp(-seconds / smoothingSeconds);
      this.#rate = weight * recent + (1 - weight) * this.#rate;
    }
    this.#sampledAt = at;
    this.#sampledAmount = this.#amount;
  }

  /** Units per second, or null while not known. */
  get rate(): number | null {
    return this.#rate !== null && this.#rate > 0 ? this.#rate : null;
  }
}
