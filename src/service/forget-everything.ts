// "Forget everything" (DESIGN.md: the install-party volunteer, one family after another): every
// trace Baluchon keeps on this computer, and only those — the data folder may be shared with
// other things when BALUCHON_DATA_DIR points somewhere unusual, so nothing else is touched.
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deleteJournalFiles, journalPath } from '../journal/index.ts';
import { lastMoveFileName } from './last-move.ts';
import { registeredStateFolders, stateFoldersFileName } from './state-folders.ts';
import { UnfinishedMoves } from './unfinished-moves.ts';

/** Entries of the data folder (or of a `--state` folder) that are Baluchon's own. */
const ownEntries = [
  'reports',
  'uploads',
  // The spool of a .tgz being read (src/service/source-openers.ts): the family's calendars and
  // contacts, left behind if the process was killed.
  'reading',
  'hosts',
  'unfinished-moves.json',
  lastMoveFileName,
  stateFoldersFileName,
];

/**
 * Every state folder a move used, but the data folder: those on the list (src/service/
 * state-folders.ts), those of unfinished moves (which may predate the list), and `stateDir`
 * when one is given. Absolute paths, each once.
 */
export async function stateFoldersToForget(dataDir: string, stateDir?: string): Promise<string[]> {
  const unfinished = await new UnfinishedMoves(dataDir).list();
  const folders = new Set(
    [
      ...(await registeredStateFolders(dataDir)),
      ...unfinished.map((move) => move.stateDir),
      ...(stateDir === undefined ? [] : [stateDir]),
    ].map((folder) => resolve(folder)),
  );
  folders.delete(resolve(dataDir));
  return [...folders];
}

/**
 * The data folder and every state folder (stateFoldersToForget). Each state folder first, the
 * data folder (with the list) last: if anything fails on the way, the list is still there for
 * the next try. Returns what went; what went from a state folder is named by its full path.
 */
export async function forgetEverywhere(dataDir: string, stateDir?: string): Promise<string[]> {
  const folders = await stateFoldersToForget(dataDir, stateDir);
  const removed: string[] = [];
  for (const folder of folders) {
    removed.push(...(await forgetEverything(folder)).map((name) => join(folder, name)));
  }
  removed.push(...(await forgetEverything(dataDir)));
  return removed;
}

/** Baluchon's own entries of one folder (the data folder, or a state folder). */
async function forgetEverything(dataDir: string): Promise<string[]> {
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
