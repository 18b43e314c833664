// A journal file as an older Baluchon left it: the schema steps up to `version` only. Each new
// step's test starts from journalAtVersion(path, version - 1), fills it the way that version
// did, and checks the data survives the step.
import Sqlite from 'better-sqlite3';
import { migrate } from '../../../src/journal/migrate.ts';
import { migrations } from '../../../src/journal/migrations/index.ts';

export function journalAtVersion(path: string, version: number): Sqlite.Database {
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  migrate(db, migrations.slice(0, version));
  return db;
}
