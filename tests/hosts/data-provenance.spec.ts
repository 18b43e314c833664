// The directory shipped in src/hosts/data was rebuilt from ../shared/chatons/members.json, whose
// provenance names public sources only. The earlier research named private search-index files;
// none of those strings may come back. The fixture keeps only their hashes, never the text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../scripts/build-hosts-data.ts';

const oldProvenance = new Set(
  (
    JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures', 'old-provenance-hashes.json'), 'utf8'),
    ) as { hashes: string[] }
  ).hashes,
);

const hash = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') {
    yield value;
    // Several sources of one fact are joined with " ; ".
    yield* value.split(' ; ');
  } else if (Array.isArray(value)) {
    for (const item of value) yield* strings(item);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) yield* strings(item);
  }
}

const read = (name: string): string => readFileSync(join(dataDir, name), 'utf8');

/** How the old provenance named what only the researcher could read. */
const privateIndex = /GitHub index file|file ids? \d{5,}/i;
const storedCopy = /stored (?:version|sources?|page|excerpt|offer page)/i;

describe('the directory data names public sources only', () => {
  it.each(['members.source.json', 'directory.json'])(
    '%s holds no string of the old provenance',
    (name) => {
      const found = [...strings(JSON.parse(read(name)))].filter((text) =>
        oldProvenance.has(hash(text)),
      );
      expect(found).toEqual([]);
    },
  );

  it.each(['members.source.json', 'directory.json', 'SOURCES.md'])(
    '%s names no private search index',
    (name) => {
      const lines = read(name)
        .split('\n')
        .filter((line) => privateIndex.test(line));
      expect(lines).toEqual([]);
    },
  );

  it.each(['members.source.json', 'directory.json'])(
    '%s cites no copy only the researcher saw',
    (name) => {
      const lines = read(name)
        .split('\n')
        .filter((line) => storedCopy.test(line));
      expect(lines).toEqual([]);
    },
  );
});
