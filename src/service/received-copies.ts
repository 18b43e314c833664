// In a browser, Baluchon keeps a copy of each archive part dropped on it (`baluchon web`, see
// src/web/uploads.ts), one folder per content, in `uploads/` of the data folder. Those copies
// are the family's data: they go as soon as they are no longer needed — once the move is
// complete, or with "Forget everything".
import { rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export function uploadsDirOf(dataDir: string): string {
  return join(dataDir, 'uploads');
}

/**
 * Removes the received copies among `paths` (each in its own folder right under `uploadsDir`);
 * any other path (a file the family chose on the desktop, the CLI's archive) is never touched.
 * Returns how many copies went.
 */
export async function removeReceivedCopies(
  uploadsDir: string,
  paths: readonly string[],
): Promise<number> {
  let removed = 0;
  for (const path of paths) {
    const folder = dirname(path);
    const inside = relative(uploadsDir, folder);
    // Exactly one level below uploads/: never uploads/ itself, never anything outside it.
    if (inside === '' || inside.startsWith('..') || inside.includes(sep)) continue;
    await rm(folder, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
