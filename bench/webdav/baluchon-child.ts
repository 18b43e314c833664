// Baluchon's files migration alone in a process (so its peak memory is its own): scan, plan,
// transfer through the engine and the journal, read back. Prints its timings as JSON. run.ts
// bundles it first (bundle-child.ts) and runs the bundle with plain node, as the app would.
//   node --import tsx bench/webdav/baluchon-child.ts <journal>|noop <filesRoot> <user> <password-env> <concurrency> <parts…>
import { migrateDrive } from '../../tests/files/support/migrate-drive.ts';

const [journalPath, filesRoot, user, passwordVariable, concurrency, ...parts] =
  process.argv.slice(2);
if (journalPath === 'noop') {
  // The same modules loaded, nothing done: what Node (and tsx, when used) weigh before any work.
  process.stdout.write(JSON.stringify({ totalMs: 0 }));
  process.exit(0);
}
if (journalPath === undefined || filesRoot === undefined || user === undefined) {
  throw new Error(
    'usage: baluchon-child.ts <journal> <filesRoot> <user> <password-env> <n> <parts…>',
  );
}
const started = performance.now();
const result = await migrateDrive({
  parts,
  filesRoot,
  user: { name: user, password: process.env[passwordVariable ?? ''] ?? '' },
  journalPath,
  folderName: 'baluchon',
  concurrency: Number(concurrency),
});
process.stdout.write(
  JSON.stringify({
    totalMs: performance.now() - started,
    transferMs: result.transferMs,
    ...result.timings,
    created: result.counts.total.created,
    failed: result.counts.total.failed,
    verified: result.verify?.verified ?? 0,
    state: result.state,
  }),
);
