// Brings a journal's schema up to date, one step per transaction: a step and the new
// `PRAGMA user_version` commit together or not at all, so an interruption (even SIGKILL) leaves
// the journal at the previous version, ready to try again.
import type { Database } from 'better-sqlite3';
import { JournalError } from './journal-error.ts';
import type { Migration } from './migrations/migration.ts';

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the missing steps; returns the versions before and after. */
export function migrate(
  db: Database,
  steps: readonly Migration[],
): { readonly from: number; readonly to: number } {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`migration ${step.name} is out of order`);
  });
  const from = userVersion(db);
  if (from > steps.length) {
    throw new JournalError('journal.newer-version', { found: from, supported: steps.length });
  }
  if (from === steps.length) return { from, to: from };
  // SQLite's procedure for schema changes (https://sqlite.org/lang_altertable.html#otheralter):
  // foreign keys off outside the transaction (the pragma is a no-op inside one), then
  // foreign_key_check before committing, so a step may rebuild a table.
  db.pragma('foreign_keys = OFF');
  try {
    for (const step of steps.slice(from)) {
      db.transaction(() => {
        step.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new JournalError('journal.corrupt', {
            step: step.version,
            brokenLinks: broken.length,
          });
        }
        db.pragma(`user_version = ${step.version}`);
      }).immediate();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { from, to: steps.length };
}
