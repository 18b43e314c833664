// What the SIGKILL test's engine (transition-loop.ts) does, shared with the test that checks it.
import { existsSync, readFileSync } from 'node:fs';

export const target = { server: 'https://cloud.example.org/', account: 'famille-sigkill' };
export const hrefOf = (key: string): string => `/dav/calendars/famille-sigkill/import/${key}.ics`;
export const hashOf = (i: number): string => `hash-${i}`;
/** Items deliberately not sent. */
export const isSkipped = (i: number): boolean => i % 101 === 50;
/** Items whose first attempt fails (the server refused it), retried at the end of the run. */
export const isFlaky = (i: number): boolean => i % 97 === 13;

/** What the fake server holds: href → hash of the last PUT, and the collections made. */
export function readServerLog(path: string): {
  files: Map<string, string>;
  puts: Map<string, number>;
  collections: Set<string>;
} {
  const files = new Map<string, string>();
  const puts = new Map<string, number>();
  const collections = new Set<string>();
  if (!existsSync(path)) return { files, puts, collections };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [verb, href, hash] = line.split(' ');
    if (verb === 'PUT' && href !== undefined && hash !== undefined) {
      files.set(href, hash);
      puts.set(href, (puts.get(href) ?? 0) + 1);
    }
    if (verb === 'MKCOL' && href !== undefined) collections.add(href);
  }
  return { files, puts, collections };
}
