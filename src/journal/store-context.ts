// What every store of the journal (runs, collections, items, the read side) works with: the
// open database and the caller's clock. Its own file so the stores need not import each other.
import type { Database } from 'better-sqlite3';

export interface StoreContext {
  readonly db: Database;
  /** Milliseconds since the epoch, from the clock the caller passed in. */
  readonly now: () => number;
}
