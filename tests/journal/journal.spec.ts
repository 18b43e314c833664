// Forgetting: one family, or everything. "Every trace" is checked on the bytes of the files.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteJournalFiles, journalFiles, journalPath } from '../../src/journal/journal-files.ts';
import type { Journal } from '../../src/journal/journal.ts';
import type { Target } from '../../src/journal/types.ts';
import { journalErrorOf } from './support/journal-error-of.ts';
import { dupont, makeFixture, martin, startRun } from './support/journal-fixture.ts';
import type { Fixture } from './support/journal-fixture.ts';

let fixture: Fixture;
let journal: Journal;

beforeEach(() => {
  fixture = makeFixture();
  journal = fixture.open();
});

afterEach(() => {
  fixture.cleanup();
});

/** Every byte the journal has on disk. */
function bytesOnDisk(): Buffer {
  return Buffer.concat(
    journalFiles(fixture.path)
      .filter(existsSync)
      .map((file) => readFileSync(file)),
  );
}

const onDisk = (text: string): boolean => bytesOnDisk().includes(Buffer.from(text, 'utf8'));

/** A family's migration with many items, labels rewritten once (stale copies in free space). */
function migrateFamily(target: Target, labelPrefix: string): void {
  const { run, collection } = startRun(journal, target, ['contacts']);
  for (let i = 0; i < 300; i++) {
    const input = {
      runId: run.id,
      collectionId: collection.id,
      sourceKey: `person-${i}`,
      contentHash: `h${i}`,
    };
    const { itemId } = journal.planItem({ ...input, label: `${labelPrefix} ancien ${i}` });
    journal.planItem({ ...input, label: `${labelPrefix} ${i}` });
    journal.markSending(itemId, { href: `/card/${target.account}/${i}.vcf`, contentHash: `h${i}` });
    journal.markSent(itemId, { etag: `"${i}"` });
  }
  journal.endRun(run.id, { state: 'finished' });
}

describe('forgetTarget', () => {
  it('leaves no byte of that family on disk, and the next family intact', () => {
    migrateFamily(dupont, 'Grand-mère Dupont');
    migrateFamily(martin, 'Tonton Martin');
    const traces = ['famille-dupont', 'Grand-mère Dupont 7', '/card/famille-dupont/7.vcf'];
    for (const trace of traces) expect(onDisk(trace), trace).toBe(true); // so the check can fail

    expect(journal.forgetTarget(dupont)).toBe(true);

    for (const trace of [...traces, 'Grand-mère Dupont', 'famille-dupont']) {
      expect(onDisk(trace), trace).toBe(false);
    }
    expect(onDisk('Tonton Martin 7')).toBe(true);
    expect(journal.runs(dupont)).toEqual([]);
    expect(journal.collections(dupont)).toEqual([]);
    expect(journal.targetCounts(dupont).total.sent).toBe(0);
    expect(journal.targetCounts(martin).total.sent).toBe(300);
    expect(journal.forgetTarget(dupont)).toBe(false);

    journal.close();
    expect(onDisk('famille-dupont')).toBe(false);
    journal = fixture.open();
    expect(journal.runs(martin)).toHaveLength(1);
  });

  it('is refused while a run of that family is running', () => {
    const { run } = startRun(journal, dupont);
    expect(journalErrorOf(() => journal.forgetTarget(dupont)).code).toBe('journal.run-in-progress');
    expect(journal.getRun(run.id).state).toBe('running');
    journal.endRun(run.id, { state: 'cancelled' });
    expect(journal.forgetTarget(dupont)).toBe(true);
  });
});

describe('forgetEverything', () => {
  it('closes the journal and deletes its files', () => {
    migrateFamily(dupont, 'Dupont');
    journal.forgetEverything();
    expect(readdirSync(fixture.dir)).toEqual([]);
    expect(journalErrorOf(() => journal.runs(dupont)).code).toBe('journal.closed');
  });

  it('works on a file that cannot be opened', () => {
    journal.close();
    writeFileSync(fixture.path, 'not a database at all, and quite damaged');
    writeFileSync(`${fixture.path}-wal`, 'x');
    deleteJournalFiles(fixture.path);
    expect(readdirSync(fixture.dir)).toEqual([]);
    deleteJournalFiles(fixture.path); // nothing left: still fine
  });

  it('the journal lives in the data folder as journal.sqlite', () => {
    expect(journalPath('/home/x/.config/Baluchon')).toBe('/home/x/.config/Baluchon/journal.sqlite');
  });
});

describe('a closed journal', () => {
  it('refuses everything with journal.closed', () => {
    journal.close();
    journal.close();
    expect(
      journalErrorOf(() => journal.beginRun({ target: dupont, kinds: ['files'], sources: [] }))
        .code,
    ).toBe('journal.closed');
  });
});
