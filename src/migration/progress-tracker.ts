// The numbers of the "Moving" screen: per kind, how many items were found and are done, bytes for
// files, the item being sent, and the time left. The time left is refined as the run goes: each
// kind's pace is measured on its own (items per second for calendars, tasks and contacts; bytes
// per second for files; see pace.ts), and the time left is the sum, kind by kind, of what
// remains divided by that kind's pace (the engine sends one kind after the other).
import type { MigrateProgress, MigrationKind } from '../contract/migrate.ts';
import { migrationKinds } from '../contract/migrate.ts';
import { Pace } from './pace.ts';
import type { ItemOutcome } from '../contract/migrate.ts';

type KindProgress = MigrateProgress['calendars'];

/**
 * Before a kind has started, its pace is guessed from another's: an item costs about as much
 * time as this many bytes of file (a round trip each). Replaced by the measure once it starts.
 */
const bytesPerItem = 64 * 1024;

export class ProgressTracker {
  readonly #now: () => Date;
  readonly #emit: (progress: MigrateProgress) => void;
  readonly #kinds: Record<MigrationKind, KindProgress>;
  readonly #paces: Record<MigrationKind, Pace>;
  #phase: MigrateProgress['phase'] = 'reading';
  #current: string | null = null;
  /** When the last work of any kind was done (ms): where the next kind's measure begins. */
  #lastWorkAt: number | null = null;

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
    this.#kinds = {
      calendars: empty(),
      tasks: empty(),
      contacts: empty(),
      files: empty(),
      photos: empty(),
      notes: empty(),
    };
    this.#paces = {
      calendars: new Pace(),
      tasks: new Pace(),
      contacts: new Pace(),
      files: new Pace(),
      photos: new Pace(),
      notes: new Pace(),
    };
  }

  phase(phase: MigrateProgress['phase']): void {
    this.#phase = phase;
    if (phase === 'sending') this.#lastWorkAt = this.#now().getTime();
    this.#send();
  }

  expect(kind: MigrationKind, items: number, bytes: number): void {
    this.#kinds[kind].found += items;
    this.#kinds[kind].bytesTotal += bytes;
    this.#send();
  }

  item(kind: MigrationKind, outcome: ItemOutcome, label: string, bytes: number): void {
    const progress = this.#kinds[kind];
    const before = progress.bytesDone;
    progress.done += 1;
    if (outcome === 'failed') progress.failed += 1;
    // The bytes of a file sent were counted as they left (bytes()); those of a file already
    // there, or that cannot move, count as done now.
    if (outcome === 'unchanged' || outcome === 'skipped') progress.bytesDone += bytes;
    progress.bytesDone = Math.min(progress.bytesDone, progress.bytesTotal);
    this.#current = label;
    this.#measure(kind, byBytes(progress) ? progress.bytesDone - before : 1);
    this.#send();
  }

  /** Bytes leaving for a file being sent (a large file shows progress before it is done). */
  bytes(kind: MigrationKind, bytes: number): void {
    const progress = this.#kinds[kind];
    const before = progress.bytesDone;
    // A retried file sends its bytes again: never show more than everything.
    progress.bytesDone = Math.min(progress.bytesDone + bytes, progress.bytesTotal);
    if (byBytes(progress)) this.#measure(kind, progress.bytesDone - before);
    this.#send();
  }

  #measure(kind: MigrationKind, amount: number): void {
    if (this.#phase !== 'sending') return;
    const at = this.#now().getTime();
    const pace = this.#paces[kind];
    // The kind's work began when the previous work ended (its first item took that long).
    if (!pace.started) pace.start(this.#lastWorkAt ?? at);
    pace.add(amount, at);
    this.#lastWorkAt = at;
  }

  #eta(): number | null {
    // What is known of the pace, to stand in for kinds not measured yet.
    const itemRates: number[] = [];
    let bytesRate: number | null = null;
    for (const kind of migrationKinds) {
      const rate = this.#paces[kind].rate;
      if (rate === null) continue;
      if (byBytes(this.#kinds[kind])) bytesRate = rate;
      else itemRates.push(rate);
    }
    const itemRate =
      itemRates.length > 0
        ? itemRates.reduce((sum, rate) => sum + rate, 0) / itemRates.length
        : bytesRate === null
          ? null
          : bytesRate / bytesPerItem;
    // Too early to know the pace: say nothing rather than something wrong.
    if (itemRate === null) return null;
    let seconds = 0;
    for (const kind of migrationKinds) {
      const progress = this.#kinds[kind];
      const measured = this.#paces[kind].rate;
      if (byBytes(progress)) {
        const rate = measured ?? bytesRate ?? itemRate * bytesPerItem;
        seconds += Math.max(0, progress.bytesTotal - progress.bytesDone) / rate;
      } else {
        seconds += Math.max(0, progress.found - progress.done) / (measured ?? itemRate);
      }
    }
    return Math.max(0, Math.round(seconds));
  }

  #send(): void {
    this.#emit({
      phase: this.#phase,
      calendars: { ...this.#kinds.calendars },
      tasks: { ...this.#kinds.tasks },
      contacts: { ...this.#kinds.contacts },
      photos: { ...this.#kinds.photos },
      notes: { ...this.#kinds.notes },
      files: { ...this.#kinds.files },
      current: this.#current,
      etaSeconds: this.#phase === 'sending' ? this.#eta() : null,
    });
  }
}

/** Files are measured in bytes (when they have any); the other kinds in items. */
function byBytes(progress: KindProgress): boolean {
  return progress.bytesTotal > 0;
}
