// "Nothing was written": every file under a folder with its size and modification time, to
// compare before and after. Tool folders that other processes write to while tests run
// (node_modules caches, git, build output, test output) are left out of a project snapshot.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const toolFolders = new Set(['node_modules', '.git', 'dist', 'out', '.scratch', 'coverage']);

export function snapshot(root: string, options: { skipToolFolders?: boolean } = {}): string[] {
  const lines: string[] = [];
  const walk = (folder: string): void => {
    for (const dirent of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, dirent.name);
      if (dirent.isDirectory()) {
        if (options.skipToolFolders === true && toolFolders.has(dirent.name)) continue;
        walk(path);
      }
      const info = statSync(path, { throwIfNoEntry: false });
      lines.push(`${path} ${info?.size ?? 'link'} ${info?.mtimeMs ?? ''}`);
    }
  };
  walk(root);
  return lines.sort();
}
