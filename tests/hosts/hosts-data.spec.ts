// The data shipped in src/hosts/data must be exactly what scripts/build-hosts-data.ts makes
// from today's sources: a data package update or an edit of members.source.json that was not
// followed by a rebuild fails here, with the command to run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDirectoryText,
  buildGazetteerText,
  dataDir,
  readShippedGazetteerText,
} from '../../scripts/build-hosts-data.ts';
import { Directory } from '../../src/hosts/directory/directory-schema.ts';

const rebuild = 'run `npx tsx scripts/build-hosts-data.ts` and commit src/hosts/data';

describe('shipped hosts data', () => {
  it('the gazetteer is up to date with its data packages', () => {
    const shipped = readShippedGazetteerText();
    expect(shipped === buildGazetteerText(), rebuild).toBe(true);
  });

  it('the directory snapshot is up to date with members.source.json', async () => {
    const shipped = readFileSync(join(dataDir, 'directory.json'), 'utf8');
    expect(shipped === (await buildDirectoryText(readShippedGazetteerText())), rebuild).toBe(true);
  });

  it('the snapshot is a valid directory, every member with its sources and date', () => {
    const directory = Directory.parse(
      JSON.parse(readFileSync(join(dataDir, 'directory.json'), 'utf8')),
    );
    expect(directory.hosts.length).toBeGreaterThanOrEqual(40);
    for (const host of directory.hosts) {
      expect(host.membership.source, host.name).not.toBe('');
      for (const service of host.services) expect(service.source, host.name).not.toBe('');
    }
    // No coordinates without saying where they come from.
    const placed = directory.hosts.filter((host) => host.location !== null);
    expect(placed.every((host) => host.location?.note !== '')).toBe(true);
  });
});
