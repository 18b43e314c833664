// Every folder other than the data folder where a move kept its journal and reports
// (`migrate --state DIR`, `undo --state DIR`), listed in a small file of the data folder so that
// "Forget everything" finds them all without the volunteer remembering each `--state` given.
// The list names folders on this computer (a USB stick's path, a family's name in it perhaps):
// only the user may read it (0600), and it goes with "Forget everything".
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const stateFoldersFileName = 'state-folders.json';

const FileSchema = z.object({ version: z.literal(1), folders: z.array(z.string()) });

/** The folders listed in `dataDir` (none when the list is missing or damaged). */
export async function registeredStateFolders(dataDir: string): Promise<string[]> {
  const text = await readFile(join(dataDir, stateFoldersFileName), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  try {
    const parsed = FileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.folders : [];
  } catch {
    return [];
  }
}

/**
 * Adds `stateDir` to the list kept in `dataDir`, before anything is written there: a journal
 * that exists is then always on the list. The data folder itself is never listed.
 */
export function registerStateFolder(dataDir: string, stateDir: string): Promise<void> {
  // One after the other: two moves started together must not each write the list without the
  // other's folder.
  const next = writing.then(() => addStateFolder(dataDir, stateDir));
  writing = next.catch(() => undefined);
  return next;
}

let writing: Promise<void> = Promise.resolve();

async function addStateFolder(dataDir: string, stateDir: string): Promise<void> {
  const folder = resolve(stateDir);
  if (folder === resolve(dataDir)) return;
  const folders = await registeredStateFolders(dataDir);
  if (folders.includes(folder)) return;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, stateFoldersFileName);
  // Written aside then renamed: a list cut in the middle would lose every folder already on it.
  const temporary = `${file}.${String(process.pid)}.tmp`;
  const text = JSON.stringify({ version: 1, folders: [...folders, folder] }, null, 2);
  await writeFile(temporary, `${text}\n`, { mode: 0o600 });
  // writeFile's mode passes through the umask, and does not apply to a file already there.
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
