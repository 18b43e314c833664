// The schema runner, with made-up steps: each step and its version commit together or not at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../src/journal/migrate.ts';
import type { Migration } from '../../src/journal/migrations/migration.ts';
import { journalErrorOf } from './support/journal-error-of.ts';

let dir: string;
let db: Sqlite.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-migrate-'));
  db = new Sqlite(join(dir, 'test.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const step = (version: number, sql: string): Migration => ({
  version,
  name: `step-${version}`,
  up: (target) => target.exec(sql),
});

const one = step(1, 'CREATE TABLE a (id INTEGER PRIMARY KEY, note TEXT)');
const two = step(2, 'ALTER TABLE a ADD COLUMN extra TEXT');
const three = step(3, 'CREATE TABLE b (a_id INTEGER REFERENCES a (id))');

const tables = () =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();

describe('migrate', () => {
  it('applies the missing steps in order', () => {
    expect(migrate(db, [one, two, three])).toEqual({ from: 0, to: 3 });
    expect(userVersion(db)).toBe(3);
    expect(tables()).toEqual(['a', 'b']);
    expect(migrate(db, [one, two, three])).toEqual({ from: 3, to: 3 });
  });

  it('upgrades a database made by an older version and keeps its data', () => {
    migrate(db, [one]);
    db.prepare(`INSERT INTO a (note) VALUES ('kept')`).run();
    expect(migrate(db, [one, two, three])).toEqual({ from: 1, to: 3 });
    expect(db.prepare('SELECT note, extra FROM a').all()).toEqual([{ note: 'kept', extra: null }]);
  });

  it('a failing step leaves the previous version, without any of its changes', () => {
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (target) => {
        target.exec('CREATE TABLE half_done (x TEXT)');
        throw new Error('disk unplugged');
      },
    };
    expect(() => migrate(db, [one, broken, three])).toThrow('disk unplugged');
    expect(userVersion(db)).toBe(1);
    expect(tables()).toEqual(['a']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a step that breaks a link between rows is rolled back', () => {
    migrate(db, [one, two, three]);
    const dangling = step(4, 'INSERT INTO b (a_id) VALUES (42)');
    expect(journalErrorOf(() => migrate(db, [one, two, three, dangling])).code).toBe(
      'journal.corrupt',
    );
    expect(userVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) FROM b').pluck().get()).toBe(0);
  });

  it('may rebuild a table, as SQLite’s procedure for schema changes does', () => {
    migrate(db, [one, two, three]);
    db.prepare(`INSERT INTO a (id, note) VALUES (1, 'x')`).run();
    db.prepare('INSERT INTO b (a_id) VALUES (1)').run();
    const rebuild = step(
      4,
      `CREATE TABLE a_new (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
       INSERT INTO a_new SELECT id, note FROM a; DROP TABLE a; ALTER TABLE a_new RENAME TO a;`,
    );
    migrate(db, [one, two, three, rebuild]);
    expect(db.prepare('SELECT * FROM a').all()).toEqual([{ id: 1, note: 'x' }]);
    expect(db.prepare('SELECT a_id FROM b').pluck().all()).toEqual([1]);
  });

  it('refuses a newer database and steps out of order', () => {
    migrate(db, [one, two]);
    const error = journalErrorOf(() => migrate(db, [one]));
    expect(error.code).toBe('journal.newer-version');
    expect(error.details).toEqual({ found: 2, supported: 1 });
    expect(userVersion(db)).toBe(2);
    expect(() => migrate(db, [one, three])).toThrow(/out of order/);
  });
});
