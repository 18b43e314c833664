// Baluchon's photos move alone in a process (so the memory sampled is its own): the migration
// engine as the `migrate` job runs it — migrateTakeout over the archive's parts with only the
// photos chosen, the journal (SQLite), the files sink, the read-back — into the account found at
// `home` by discovery. Prints its timings and counts as JSON. run.ts bundles it (esbuild, like
// the app's service process) and runs it with plain node.
//   node baluchon-child.mjs <journal> <home URL> <user> <password-env> <concurrency> <folder> <parts…>
import { setMaxListeners } from 'node:events';
import type { Account } from '../../src/contract/connect.ts';
import { DavClient } from '../../src/dav/dav-client.ts';
import { discover } from '../../src/dav/discover.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import { abortableSleep, defaultRetryPolicy } from '../../src/dav/retry.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { openJournal } from '../../src/journal/open-journal.ts';
import { migrateTakeout } from '../../src/migration/migrate-takeout.ts';

const [journalPath, home, user, passwordVariable, concurrencyText, folder, ...parts] =
  process.argv.slice(2);
if (journalPath === undefined || home === undefined || user === undefined || folder === undefined) {
  throw new Error(
    'usage: baluchon-child.ts <journal> <home> <user> <password-env> <n> <folder> <parts…>',
  );
}
const concurrency = Number(concurrencyText);
const signal = new AbortController().signal;
// Each request in flight listens to the run's signal (undici): more than Node's default 10.
setMaxListeners(100, signal);
const http = createHttpClient({ connections: concurrency, userAgent: 'Baluchon (bench)' });
const retry = { sleep: abortableSleep, random: Math.random };
const client = new DavClient({
  send: http.send,
  credentials: { username: user, password: process.env[passwordVariable ?? ''] ?? '' },
  retry,
  retryPolicy: defaultRetryPolicy,
  now: () => new Date(),
});
const found = await discover(client, home, signal);
const account: Account = {
  accountId: 'bench',
  server: found.base,
  username: user,
  software: found.software,
  principal: found.principal,
  calendarHome: found.calendarHome,
  addressbookHome: found.addressbookHome,
  filesRoot: found.filesRoot,
  quota: null,
};
const journal = openJournal({ path: journalPath, now: () => new Date() });
/** When each phase began (ms since the start): reading the archive, sending, reading back. */
const phases = new Map<string, number>();
const problems: string[] = [];
const started = performance.now();
try {
  const outcome = await migrateTakeout(
    parts,
    {
      calendars: [],
      contacts: false,
      tasks: false,
      files: false,
      photos: true,
      editedPhotos: true,
      notes: false,
      otherContacts: false,
      photosFolder: folder,
    },
    {
      journal,
      client,
      account,
      t: createI18n('fr').t,
      signal,
      now: () => new Date(),
      concurrency,
      timeZone: 'Europe/Paris',
      retry,
      retryPolicy: defaultRetryPolicy,
      onProgress: (progress) => {
        if (!phases.has(progress.phase)) phases.set(progress.phase, performance.now() - started);
      },
      onProblem: (kind, problem) => {
        problems.push(`${kind ?? 'run'}: ${problem.code} ${problem.where}`);
      },
    },
  );
  const totalMs = performance.now() - started;
  const sendingAt = phases.get('sending') ?? Number.NaN;
  const verifyingAt = phases.get('verifying') ?? totalMs;
  process.stdout.write(
    JSON.stringify({
      totalMs,
      readingMs: sendingAt,
      sendingMs: verifyingAt - sendingAt,
      verifyingMs: totalMs - verifyingAt,
      state: outcome.state,
      stop: outcome.stop?.code ?? null,
      photos: outcome.counts.photos,
      photoFacts: outcome.photoFacts,
      problems: problems.slice(0, 20),
      problemCount: problems.length,
      // Since the process started (performance's time origin), to match the parent's samples.
      marks: { start: started, sending: started + sendingAt, verifying: started + verifyingAt },
    }),
  );
} finally {
  journal.close();
  await http.close();
}
