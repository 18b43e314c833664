// A files migration in a process of its own, for the test that kills it with SIGKILL in the
// middle of a file: `tsx migrate-child.ts <journal> <filesRoot> <user> <password-env> <parts…>`.
// Prints `bytes <n>` as the upload goes (every MiB), then `done <outcome>`.
import { migrateDrive } from './migrate-drive.ts';

const [journalPath, filesRoot, user, passwordVariable, ...parts] = process.argv.slice(2);
if (journalPath === undefined || filesRoot === undefined || user === undefined) {
  throw new Error('usage: migrate-child.ts <journal> <filesRoot> <user> <password-env> <parts…>');
}
let bytes = 0;
let shown = 0;
const result = await migrateDrive({
  parts,
  filesRoot,
  user: { name: user, password: process.env[passwordVariable ?? ''] ?? '' },
  journalPath,
  folderName: 'Google Drive (importé)',
  concurrency: 2,
  onBytes: (more) => {
    bytes += more;
    if (bytes - shown >= 1024 * 1024) {
      shown = bytes;
      process.stdout.write(`bytes ${bytes}\n`);
    }
  },
});
process.stdout.write(
  `done ${JSON.stringify({ state: result.state, counts: result.counts.total, verify: result.verify })}\n`,
);
