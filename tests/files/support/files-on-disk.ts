// What a server really stored, read from its data folder on disk.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every regular file below `root`, as '/'-separated paths relative to it. */
export function filesOnDisk(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      // mod_dav_fs keeps dead properties in a `.DAV` folder of its own in each folder.
      if (entry.isDirectory() && entry.name === '.DAV') continue;
      if (entry.isDirectory()) walk(full);
      else found.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return found.sort();
}
