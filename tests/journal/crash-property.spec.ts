// Property: whatever the sequence of archive edits, runs, refused requests, lost answers,
// crashes (the journal closed in the middle of a run, nothing finished) and files lost on the
// server, no item is ever lost from the journal, nothing is ever copied twice to the server,
// the counts always add up, and a last clean run leaves the server holding exactly the archive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/open-journal.ts';
import type { Journal } from '../../src/journal/journal.ts';
import type { Collection, Run } from '../../src/journal/types.ts';
import {
  COLLECTION_KEY,
  Crash,
  FakeServer,
  modelTarget,
  runEngine,
  verify,
} from './support/model-engine.ts';
import type { Fault } from './support/model-engine.ts';

type Step =
  | { type: 'edit'; adds: number; changes: number[]; removes: number[] }
  | { type: 'run'; crashAt: number | null; faults: Fault[]; resume: boolean }
  | { type: 'lose'; pick: number }
  | { type: 'verify' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    type: fc.constant('edit' as const),
    adds: fc.nat(3),
    changes: fc.array(fc.nat(), { maxLength: 3 }),
    removes: fc.array(fc.nat(), { maxLength: 2 }),
  }),
  fc.record({
    type: fc.constant('run' as const),
    crashAt: fc.option(fc.nat(80), { nil: null }),
    faults: fc.array(fc.constantFrom<Fault>('ok', 'ok', 'ok', 'refused', 'lost-answer'), {
      minLength: 1,
      maxLength: 8,
    }),
    resume: fc.boolean(),
  }),
  fc.record({ type: fc.constant('lose' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('verify' as const) }),
);

class World {
  readonly dir = mkdtempSync(join(tmpdir(), 'baluchon-property-'));
  readonly server = new FakeServer();
  /** The archive: source key → content hash. */
  readonly source = new Map<string, string>();
  /** Every key the journal has acknowledged (planItem returned). */
  readonly planned = new Set<string>();
  /** Server resources lost since the journal last looked. */
  readonly lost = new Set<string>();
  journal: Journal;
  #tick = 0;
  #keys = 0;
  #versions = 0;

  constructor() {
    this.journal = this.open();
    this.edit(6, [], []);
  }

  open(): Journal {
    return openJournal({
      path: join(this.dir, 'journal.sqlite'),
      now: () => new Date(++this.#tick * 1000),
    });
  }

  /** The process dies: the journal is closed with its run still `running`, then reopened. */
  crash(): void {
    this.journal.close();
    this.journal = this.open();
  }

  edit(adds: number, changes: readonly number[], removes: readonly number[]): void {
    for (let i = 0; i < adds; i++) this.source.set(`k${++this.#keys}`, `v${++this.#versions}`);
    const keys = [...this.source.keys()];
    for (const n of changes) {
      const key = keys[n % keys.length];
      if (key !== undefined) this.source.set(key, `v${++this.#versions}`);
    }
    for (const n of removes) {
      const key = keys[n % keys.length];
      if (key !== undefined && this.source.size > 1) this.source.delete(key);
    }
  }

  startRun(resume: boolean): Run {
    const [interrupted] = this.journal.interruptedRuns(modelTarget);
    if (resume && interrupted !== undefined) return this.journal.resumeRun(interrupted.id);
    return this.journal.beginRun({
      target: modelTarget,
      kinds: ['calendars'],
      sources: [{ name: 'takeout.zip', size: this.source.size }],
    });
  }

  run(crashAt: number | null, faults: readonly Fault[], resume: boolean): void {
    const run = this.startRun(resume);
    try {
      runEngine(this.journal, run, this.server, this.source, {
        crashAt: crashAt ?? undefined,
        faults,
        onPlanned: (key) => this.planned.add(key),
      });
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
      this.crash();
      return;
    }
    this.journal.endRun(run.id, { state: 'finished' });
  }

  collection(): Collection | undefined {
    return this.journal.findCollection(modelTarget, 'calendars', COLLECTION_KEY);
  }

  lose(pick: number): void {
    const hrefs = [...this.server.resources.keys()];
    const href = hrefs[pick % Math.max(1, hrefs.length)];
    if (href === undefined) return;
    this.server.resources.delete(href);
    this.lost.add(href);
  }

  verify(): void {
    const collection = this.collection();
    if (collection === undefined) return;
    verify(this.journal, this.server, collection);
    this.lost.clear();
  }

  /** What must hold after every step. */
  check(): void {
    const collection = this.collection();
    const items = collection === undefined ? [] : this.journal.collectionItems(collection.id);
    const byKey = new Map(items.map((item) => [item.sourceKey, item]));
    // Never lose an item, never hold two for one source item.
    expect(byKey.size).toBe(items.length);
    for (const key of this.planned) expect(byKey.has(key), key).toBe(true);
    // Never copy anything twice, and know every copy (undo must find it).
    const hrefsByKey = new Map<string, string[]>();
    for (const [href, resource] of this.server.resources) {
      hrefsByKey.set(resource.key, [...(hrefsByKey.get(resource.key) ?? []), href]);
      expect(byKey.get(resource.key)?.href, href).toBe(href);
    }
    for (const [key, hrefs] of hrefsByKey) expect(hrefs, key).toHaveLength(1);
    // What the journal says is on the server is there (unless the server lost it since).
    for (const item of items) {
      if (item.state !== 'sent' && item.state !== 'verified') continue;
      const href = item.href ?? '';
      if (!this.lost.has(href))
        expect(this.server.resources.get(href)?.hash, item.sourceKey).toBe(item.contentHash);
    }
    // The counts add up, for every run and for the target.
    for (const run of this.journal.runs(modelTarget)) {
      const { total } = this.journal.runCounts(run.id);
      expect(
        total.created +
          total.updated +
          total.unchanged +
          total.skipped +
          total.failed +
          total.pending,
      ).toBe(total.found);
      expect(Object.values(total.states).reduce((a, b) => a + b, 0)).toBe(total.found);
    }
    const states = this.journal.targetCounts(modelTarget).total;
    expect(Object.values(states).reduce((a, b) => a + b, 0)).toBe(items.length);
  }

  /** Read-back, a clean run, read-back: the server then holds exactly the archive. */
  finish(): void {
    this.verify();
    this.run(null, ['ok'], true);
    this.verify();
    const collection = this.collection();
    if (collection === undefined) throw new Error('no collection after a clean run');
    for (const [key, hash] of this.source) {
      const item = this.journal
        .collectionItems(collection.id)
        .find((candidate) => candidate.sourceKey === key);
      expect(item, key).toMatchObject({ state: 'verified', contentHash: hash });
      expect(this.server.resources.get(item?.href ?? '')?.hash).toBe(hash);
    }
    // And one more run of the same archive sends nothing.
    const run = this.startRun(false);
    runEngine(this.journal, run, this.server, this.source, {
      faults: ['refused'],
      onPlanned: () => undefined,
    });
    const { total } = this.journal.runCounts(run.id);
    expect(total).toMatchObject({
      found: this.source.size,
      unchanged: this.source.size,
      failed: 0,
    });
    this.journal.endRun(run.id, { state: 'finished' });
  }

  dispose(): void {
    this.journal.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('journal under random runs, faults and crashes', () => {
  it('never loses or duplicates an item, and the counts add up', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }), (steps) => {
        const world = new World();
        try {
          for (const step of steps) {
            if (step.type === 'edit') world.edit(step.adds, step.changes, step.removes);
            if (step.type === 'run') world.run(step.crashAt, step.faults, step.resume);
            if (step.type === 'lose') world.lose(step.pick);
            if (step.type === 'verify') world.verify();
            world.check();
          }
          world.finish();
          world.check();
        } finally {
          world.dispose();
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
