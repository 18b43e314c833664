// One step of the journal's schema. Steps are frozen once released: a step never imports the
// state lists of item-states.ts or run-states.ts, it spells out the schema as it was, so that a
// journal made by any older Baluchon upgrades through exactly the same statements.
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The `PRAGMA user_version` the journal has once this step is applied (1, 2, 3…). */
  readonly version: number;
  readonly name: string;
  /** Runs inside the transaction that also records the new version; must not COMMIT itself. */
  up(db: Database): void;
}

/** Marks the file as a Baluchon journal (`PRAGMA application_id`, the bytes "Balu"). */
export const JOURNAL_APPLICATION_ID = 0x42616c75;
