// "Forget everything" (DESIGN.md: the install-party volunteer, one family after another): every
// trace Baluchon keeps on this computer, and only those — the data folder may be shared with
// other things when BALUCHON_DATA_DIR points somewhere unusual, so nothing else is touched.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteJournalFiles, journalPath } from '../journal/index.ts';
import { lastMoveFileName } from './last-move.ts';

/** Entries of the data folder (or of a `--state` folder) that are Baluchon's own. */
const ownEntries = ['reports', 'uploads', 'hosts', 'unfinished-moves.json', lastMoveFileName];

export async function forgetEverything(dataDir: string): Promise<string[]> {
  const present = new Set(await readdir(dataDir).catch(() => [] as string[]));
  const removed: string[] = [];
  for (const name of ownEntries) {
    if (!present.has(name)) continue;
    await rm(join(dataDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  const journal = journalPath(dataDir);
  if ([...present].some((name) => join(dataDir, name).startsWith(journal))) {
    deleteJournalFiles(journal);
    removed.push('journal');
  }
  return removed;
}
