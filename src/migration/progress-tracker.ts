// The numbers of the "Moving" screen: per kind, how many items were found and are done, bytes for
// files, the item being sent, and the time left estimated from the pace so far.
import type { MigrateProgress, MigrationKind } from '../contract/migrate.ts';
import type { ItemOutcome } from './sync-items.ts';

type KindProgress = MigrateProgress['calendars'];

/** An item costs about as much time as this many bytes of file (a round trip each). */
const bytesPerItem = 64 * 1024;

export class ProgressTracker {
  readonly #now: () => Date;
  readonly #emit: (progress: MigrateProgress) => void;
  readonly #kinds: Record<MigrationKind, KindProgress>;
  #phase: MigrateProgress['phase'] = 'reading';
  #current: string | null = null;
  #sendingSince: number | null = null;
  #workAtStart = 0;

  constructor(now: () => Date, emit: (progress: MigrateProgress) => void) {
    this.#now = now;
    this.#emit = emit;
    const empty = (): KindProgress => ({
      found: 0,
      done: 0,
      failed: 0,
      bytesDone: 0,
      bytesTotal: 0,
    });
    this.#kinds = { calendars: empty(), tasks: empty(), contacts: empty(), files: empty() };
  }

  phase(phase: MigrateProgress['phase']): void {
    this.#phase = phase;
    if (phase === 'sending') {
      this.#sendingSince = this.#now().getTime();
      this.#workAtStart = this.#work().done;
    }
    this.#send();
  }

  expect(kind: MigrationKind, items: number, bytes: number): void {
    this.#kinds[kind].found += items;
    this.#kinds[kind].bytesTotal += bytes;
    this.#send();
  }

  item(kind: MigrationKind, outcome: ItemOutcome, label: string, bytes: number): void {
    const progress = this.#kinds[kind];
    progress.done += 1;
    if (outcome === 'failed') progress.failed += 1;
    // The bytes of a file sent were counted as they left (bytes()); those of a file already
    // there, or that cannot move, count as done now.
    if (outcome === 'unchanged' || outcome === 'skipped') progress.bytesDone += bytes;
    progress.bytesDone = Math.min(progress.bytesDone, progress.bytesTotal);
    this.#current = label;
    this.#send();
  }

  /** Bytes leaving for a file being sent (a large file shows progress before it is done). */
  bytes(kind: MigrationKind, bytes: number): void {
    const progress = this.#kinds[kind];
    // A retried file sends its bytes again: never show more than everything.
    progress.bytesDone = Math.min(progress.bytesDone + bytes, progress.bytesTotal);
    this.#send();
  }

  #work(): { done: number; total: number } {
    let done = 0;
    let total = 0;
    for (const kind of Object.values(this.#kinds)) {
      done += kind.done * bytesPerItem + kind.bytesDone;
      total += kind.found * bytesPerItem + kind.bytesTotal;
    }
    return { done, total };
  }

  #eta(): number | null {
    if (this.#sendingSince === null) return null;
    const elapsed = (this.#now().getTime() - this.#sendingSince) / 1000;
    const { done, total } = this.#work();
    const progressed = done - this.#workAtStart;
    // Too early to know the pace: say nothing rather than something wrong.
    if (elapsed < 2 || progressed <= 0) return null;
    return Math.max(0, Math.round(((total - done) * elapsed) / progressed));
  }

  #send(): void {
    this.#emit({
      phase: this.#phase,
      calendars: { ...this.#kinds.calendars },
      tasks: { ...this.#kinds.tasks },
      contacts: { ...this.#kinds.contacts },
      files: { ...this.#kinds.files },
      current: this.#current,
      etaSeconds: this.#phase === 'sending' ? this.#eta() : null,
    });
  }
}
