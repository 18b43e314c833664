// The journal against real crashes: a child process copies items to a fake server following
// the journal's protocol and is killed with SIGKILL at random moments. After each kill the
// journal opens, is consistent, has lost nothing that was acknowledged, and says `resume` for
// the item that was in flight; the next child resumes the same run, and the last one finishes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/open-journal.ts';
import type { Journal } from '../../src/journal/journal.ts';
import type { Item } from '../../src/journal/types.ts';
import {
  hashOf,
  hrefOf,
  isSkipped,
  readServerLog,
  target,
} from './support/transition-loop-rules.ts';

const ITEMS = 2000;
const KILLS = 6;

const tsxCli = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const loopScript = fileURLToPath(new URL('./support/transition-loop.ts', import.meta.url));

let dir: string;
let journalPath: string;
let serverLog: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-sigkill-'));
  journalPath = join(dir, 'journal.sqlite');
  serverLog = join(dir, 'server.log');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface ChildRun {
  /** Keys whose markSent had committed before the child said so. */
  readonly acknowledged: string[];
  readonly done: boolean;
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the engine; kills it after `killAfterMs`, or once it has acknowledged `killAfterSent`. */
function runChild(kill?: { afterMs?: number; afterSent?: number }): Promise<ChildRun> {
  // tsx's CLI runs the script in a second node process. SIGKILL cannot be relayed, so the
  // child gets a process group of its own and the whole group is killed at once.
  const child = spawn(
    process.execPath,
    [tsxCli, loopScript, journalPath, serverLog, String(ITEMS)],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const acknowledged: string[] = [];
  let done = false;
  let stderr = '';
  let killed = false;
  const killNow = () => {
    if (killed || child.pid === undefined) return;
    killed = true;
    process.kill(-child.pid, 'SIGKILL');
  };
  const timer = kill?.afterMs === undefined ? undefined : setTimeout(killNow, kill.afterMs);
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'done') done = true;
    if (!line.startsWith('sent ')) return;
    acknowledged.push(line.slice('sent '.length));
    if (kill?.afterSent !== undefined && acknowledged.length === kill.afterSent) killNow();
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ acknowledged, done, signal, code, stderr });
    });
  });
}

const indexOf = (key: string): number => Number(key.slice('uid-'.length));

function itemsOf(journal: Journal): Item[] {
  const collection = journal.findCollection(target, 'calendars', 'Agenda/Famille.ics');
  return collection === undefined ? [] : journal.collectionItems(collection.id);
}

/** What must hold after any kill, whatever instant it hit. */
function checkConsistent(acknowledged: ReadonlySet<string>): void {
  const journal = openJournal({ path: journalPath, now: () => new Date() });
  try {
    const server = readServerLog(serverLog);
    const runs = journal.runs(target);
    expect(runs.length).toBeLessThanOrEqual(1); // always the same run, resumed
    const items = itemsOf(journal);
    const byKey = new Map(items.map((item) => [item.sourceKey, item]));
    expect(byKey.size).toBe(items.length);

    // Nothing acknowledged is lost.
    for (const key of acknowledged) {
      expect(byKey.get(key), key).toMatchObject({
        state: 'sent',
        contentHash: hashOf(indexOf(key)),
      });
    }
    // Sent means the server has it; on the server means it was marked sending first.
    for (const item of items) {
      if (item.state === 'sent')
        expect(server.files.get(item.href ?? ''), item.sourceKey).toBe(item.contentHash);
    }
    const byHref = new Map(items.map((item) => [item.href, item]));
    for (const href of server.files.keys()) {
      expect(['sending', 'sent'], href).toContain(byHref.get(href)?.state);
    }
    // Never sent twice, never two collections.
    for (const [href, puts] of server.puts) expect(puts, href).toBe(1);
    expect(server.collections.size).toBeLessThanOrEqual(1);

    const [run] = runs;
    if (run !== undefined) {
      const { total } = journal.runCounts(run.id);
      expect(total.found).toBe(items.length);
      expect(
        total.created +
          total.updated +
          total.unchanged +
          total.skipped +
          total.failed +
          total.pending,
      ).toBe(total.found);
      // The loop sends one item at a time: at most one in flight, and it says `resume`.
      const inFlight = items.filter((item) => item.state === 'sending');
      expect(inFlight.length).toBeLessThanOrEqual(1);
      const [sending] = inFlight;
      if (sending !== undefined) {
        expect(run.state).toBe('interrupted');
        journal.resumeRun(run.id);
        const collection = journal.getCollection(sending.collectionId);
        const plan = journal.planItem({
          runId: run.id,
          collectionId: collection.id,
          sourceKey: sending.sourceKey,
          contentHash: hashOf(indexOf(sending.sourceKey)),
          label: sending.label,
        });
        expect(plan).toMatchObject({
          action: 'resume',
          itemId: sending.id,
          href: hrefOf(sending.sourceKey),
          attemptHash: hashOf(indexOf(sending.sourceKey)),
        });
        journal.endRun(run.id, { state: 'interrupted' });
      }
    }
  } finally {
    journal.close();
  }
  const db = new Sqlite(journalPath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
}

describe('SIGKILL at random moments', () => {
  it('never loses or duplicates anything, and the run finishes', async () => {
    const acknowledged = new Set<string>();
    for (let round = 0; round < KILLS; round++) {
      // Every child is killed before it can finish (after a few hundred items at most); one
      // round in three may die earlier, while it starts (opening, migrating, resuming).
      const afterSent = 1 + Math.floor(Math.random() * 250);
      const kill =
        round % 3 === 0 ? { afterSent, afterMs: Math.floor(Math.random() * 600) } : { afterSent };
      const child = await runChild(kill);
      for (const key of child.acknowledged) acknowledged.add(key);
      expect(child.signal, child.stderr).toBe('SIGKILL');
      expect(child.done).toBe(false);
      checkConsistent(acknowledged);
    }

    const last = await runChild();
    expect(last, last.stderr).toMatchObject({ code: 0, done: true });
    checkConsistent(acknowledged);

    const journal = openJournal({ path: journalPath, now: () => new Date() });
    try {
      const [run, ...older] = journal.runs(target);
      expect(older).toEqual([]);
      expect(run?.state).toBe('finished');
      const items = itemsOf(journal);
      expect(items).toHaveLength(ITEMS);
      const skipped = items.filter((item) => isSkipped(indexOf(item.sourceKey)));
      for (const item of items) {
        expect(item.state, item.sourceKey).toBe(
          isSkipped(indexOf(item.sourceKey)) ? 'skipped' : 'sent',
        );
      }
      expect(readServerLog(serverLog).files.size).toBe(ITEMS - skipped.length);
      expect(run?.summary?.total).toMatchObject({
        found: ITEMS,
        created: ITEMS - skipped.length,
        skipped: skipped.length,
        failed: 0,
        pending: 0,
      });
    } finally {
      journal.close();
    }
  }, 180_000);
});
