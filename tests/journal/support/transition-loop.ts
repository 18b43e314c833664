// A tiny migration engine for the SIGKILL test (tests/journal/sigkill.spec.ts), run as a child
// process: it copies N items to a fake server (an append-only log of requests) following the
// journal's protocol, and prints `sent <key>` after each markSent has committed. Killed at any
// instant, it is started again and resumes the same run until it prints `done`.
//
//   node tsx/dist/cli.mjs transition-loop.ts <journal> <server-log> <items>
import { appendFileSync } from 'node:fs';
import { openJournal } from '../../../src/journal/open-journal.ts';
import type { Journal } from '../../../src/journal/journal.ts';
import type { Collection, ItemId, Run } from '../../../src/journal/types.ts';
import {
  hashOf,
  hrefOf,
  isFlaky,
  isSkipped,
  readServerLog,
  target,
} from './transition-loop-rules.ts';

const [journalPath = '', serverLog = '', count = '0'] = process.argv.slice(2);
const items = Number(count);
const serverState = () => readServerLog(serverLog);

/** A request reaching the server: one write() to the log, which survives our death. */
function request(line: string): void {
  appendFileSync(serverLog, `${line}\n`);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function collectionFor(journal: Journal, run: Run): Collection {
  const found = journal.findCollection(target, 'calendars', 'Agenda/Famille.ics');
  const collection =
    found ??
    journal.saveCollection({
      target,
      kind: 'calendars',
      sourceKey: 'Agenda/Famille.ics',
      href: '/dav/calendars/famille-sigkill/import/',
      displayName: 'Famille (importé de Google)',
      createdByUs: true,
      runId: run.id,
    });
  if (collection.state === 'ready') return collection;
  // Saved before the MKCOL: it may or may not exist. Look, then create or confirm.
  if (!serverState().collections.has(collection.href)) request(`MKCOL ${collection.href}`);
  return journal.markCollectionReady(collection.id);
}

/** Network latency: the engine waits for the server, and the parent's kill lands meanwhile. */
const latency = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function main(): Promise<void> {
  const journal = openJournal({ path: journalPath, now: () => new Date() });
  const [last] = journal.runs(target);
  if (last?.state === 'finished') {
    say('done');
    journal.close();
    return;
  }
  const run =
    last === undefined
      ? journal.beginRun({
          target,
          kinds: ['calendars'],
          sources: [{ name: 'takeout.zip', size: 1 }],
        })
      : journal.resumeRun(last.id);
  const collection = collectionFor(journal, run);
  say('ready');

  // Half the items wait before their request reaches the server, half after (before the
  // answer): a kill during the wait leaves the item `sending`, with or without the server copy.
  const send = async (itemId: ItemId, i: number, chunked: boolean): Promise<void> => {
    const key = `uid-${i}`;
    journal.markSending(itemId, { href: hrefOf(key), contentHash: hashOf(i) });
    if (chunked) journal.saveResume(itemId, { uploadId: `upload-${key}`, chunksDone: 1 });
    if (i % 2 === 0) await latency();
    request(`PUT ${hrefOf(key)} ${hashOf(i)}`);
    if (i % 2 === 1) await latency();
    journal.markSent(itemId, { etag: `"${hashOf(i)}"` });
    say(`sent ${key}`);
  };

  for (let i = 0; i < items; i++) {
    const key = `uid-${i}`;
    const plan = journal.planItem({
      runId: run.id,
      collectionId: collection.id,
      sourceKey: key,
      contentHash: hashOf(i),
      label: `Event ${i}`,
    });
    if (plan.action === 'unchanged') continue;
    if (plan.action === 'resume') {
      // Interrupted between markSending and markSent: did the request arrive?
      if (serverState().files.get(plan.href) === plan.attemptHash) {
        journal.markSent(plan.itemId, { etag: `"${plan.attemptHash}"` });
        say(`sent ${key}`);
        continue;
      }
    }
    if (isSkipped(i)) {
      journal.markSkipped(plan.itemId, { code: 'test.skipped' });
      continue;
    }
    if (isFlaky(i) && journal.getItem(plan.itemId).attempts === 0) {
      journal.markSending(plan.itemId, { href: hrefOf(key), contentHash: hashOf(i) });
      await latency();
      journal.markFailed(plan.itemId, { code: 'test.flaky', detail: '503 Service Unavailable' });
      continue;
    }
    await send(plan.itemId, i, i % 10 === 0);
  }

  for (const failed of journal.failedItems({ runId: run.id })) {
    await send(failed.id, Number(failed.sourceKey.slice('uid-'.length)), false);
  }
  journal.endRun(run.id, { state: 'finished' });
  say('done');
  journal.close();
}

await main();
