// How fast the journal records a run, as configured (WAL, synchronous=NORMAL, exclusive lock).
// Not a test: figures depend on the machine. Run it by hand:
//
//   npx tsx src/journal/measure-journal.ts [items=50000]
//
// It times a first run (planItem + markSending + markSent per item), the read-back, re-runs of
// the same archive (all unchanged, one by one and in batches), the read side, reopening and
// forgetting. Wall-clock and CPU time both: on a busy machine the wall clock also counts the
// wait for a free core.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openJournal } from './open-journal.ts';
import type { PlanItemInput } from './item-protocol.ts';
import type { CollectionId, ItemId, RunId } from './types.ts';

const items = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'baluchon-measure-'));
const path = join(dir, 'journal.sqlite');
const target = { server: 'https://cloud.example.org/', account: 'famille-mesure' };
const now = () => new Date();

const rate = (operations: number, ms: number): string =>
  operations > 1 ? `${Math.round((operations / ms) * 1000).toLocaleString('en')}/s` : '';

function time<T>(label: string, operations: number, work: () => T): T {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    [
      label.padEnd(44),
      `${ms.toFixed(0).padStart(6)} ms`,
      rate(operations, ms).padStart(9),
      `cpu ${cpuMs.toFixed(0).padStart(6)} ms`,
      rate(operations, cpuMs).padStart(9),
    ].join('  '),
  );
  return result;
}

const hash = (i: number) => `sha256-${i.toString(16).padStart(64, '0')}`;
const input = (runId: RunId, collectionId: CollectionId, i: number): PlanItemInput => ({
  runId,
  collectionId,
  sourceKey: `drive:file-${i}`,
  contentHash: hash(i),
  label: `Mes documents/Dossier ${i % 100}/Fichier numéro ${i}.pdf`,
  size: 100_000 + i,
});

try {
  let journal = openJournal({ path, now });
  const first = journal.beginRun({ target, kinds: ['files'], sources: [] });
  const collection = journal.saveCollection({
    target,
    kind: 'files',
    sourceKey: 'drive',
    href: '/remote.php/dav/files/famille-mesure/Google Drive/',
    displayName: 'Google Drive',
    createdByUs: false,
    runId: first.id,
  });
  const ids: ItemId[] = [];

  time(`first run: ${items} × (plan, sending, sent)`, items * 3, () => {
    for (let i = 0; i < items; i++) {
      const { itemId } = journal.planItem(input(first.id, collection.id, i));
      ids.push(itemId);
      journal.markSending(itemId, {
        href: `/remote.php/dav/files/famille-mesure/Google Drive/Dossier ${i % 100}/Fichier ${i}.pdf`,
        contentHash: hash(i),
      });
      journal.markSent(itemId, { etag: `"${i.toString(36)}-etag"` });
    }
  });
  time('progress numbers (runCounts)', 1, () => journal.runCounts(first.id));
  time('read-back: list the collection', items, () => journal.collectionItems(collection.id));
  time('read-back: markVerified by 500', items, () => {
    for (let i = 0; i < ids.length; i += 500) {
      journal.markVerified(ids.slice(i, i + 500).map((itemId) => ({ itemId })));
    }
  });
  time('end run (saves its summary)', 1, () => journal.endRun(first.id, { state: 'finished' }));

  const second = journal.beginRun({ target, kinds: ['files'], sources: [] });
  time(`re-run, same archive: planItem × ${items}`, items, () => {
    for (let i = 0; i < items; i++) journal.planItem(input(second.id, collection.id, i));
  });
  journal.endRun(second.id, { state: 'finished' });

  const third = journal.beginRun({ target, kinds: ['files'], sources: [] });
  time('re-run, same archive: planItems by 500', items, () => {
    for (let i = 0; i < items; i += 500) {
      const batch = Array.from({ length: Math.min(500, items - i) }, (_, k) => i + k);
      journal.planItems(batch.map((n) => input(third.id, collection.id, n)));
    }
  });
  journal.endRun(third.id, { state: 'finished' });
  time('target counts', 1, () => journal.targetCounts(target));
  time('undo list (createdBy target)', 1, () => journal.createdBy({ target }));
  journal.close();
  console.log(`journal file: ${(statSync(path).size / 1e6).toFixed(1)} MB`);

  journal = time('reopen (quick_check included)', 1, () => openJournal({ path, now }));
  time('forget the target (delete + VACUUM)', 1, () => journal.forgetTarget(target));
  journal.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
