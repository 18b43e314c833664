// The Takeout as a Source: one reading gives the scan's facts and the planners' handles, and the
// planning goes back to the archive as little as the design says (src/sources/takeout/).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineClient } from './support/offline-client.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { planCalendarJobs } from '../../src/migration/plan-calendar-jobs.ts';
import { planContactJob } from '../../src/migration/plan-contact-jobs.ts';
import { openTakeoutSource } from '../../src/sources/takeout/open-takeout-source.ts';
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { familySpec } from '../fixtures/takeout/family-spec.ts';

const fr = createI18n('fr').t;
const signal = new AbortController().signal;
let dir: string;
const parts: Record<'zip' | 'tgz', string[]> = { zip: [], tgz: [] };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-takeout-source-'));
  parts.zip = await buildTakeout(join(dir, 'zip'), familySpec('fr'), { format: 'zip', parts: 2 });
  parts.tgz = await buildTakeout(join(dir, 'tgz'), familySpec('fr'), { format: 'tgz', parts: 2 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['zip', 'tgz'] as const)('the Takeout source, %s parts', (format) => {
  it('gives the scan’s facts, and handles for exactly what the facts list', async () => {
    const scan = await scanTakeout(parts[format]);
    const source = await openTakeoutSource(parts[format], { t: fr });
    try {
      const problems: unknown[] = [];
      const inventory = await source.read({ signal, onProblem: (p) => problems.push(p) });
      const { problems: scanProblems, ...scanFacts } = scan;
      // The source words each unmovable item's reason; the scan leaves that to the service.
      expect({
        ...inventory.facts,
        files: {
          ...inventory.facts.files,
          cannotMove: inventory.facts.files.cannotMove.map(({ where, kind }) => ({ where, kind })),
        },
      }).toEqual(scanFacts);
      expect(problems).toEqual(scanProblems);

      expect(inventory.calendars.map((calendar) => calendar.key)).toEqual(
        scan.calendars.map((calendar) => calendar.key),
      );
      for (const calendar of inventory.calendars) {
        const facts = scan.calendars.find((one) => one.key === calendar.key);
        expect(calendar.identity.role === 'ordinary' ? null : calendar.identity.role).toBe(
          facts?.generated,
        );
        expect(calendar.count).toBe(facts?.events);
      }
      expect(inventory.taskLists.reduce((sum, list) => sum + list.count, 0)).toBe(scan.tasks.count);
      expect(inventory.addressBooks.map((book) => book.key)).toEqual(['contacts']);
      expect(inventory.files?.files.length).toBe(scan.files.count);
      expect(inventory.files?.bytes).toBe(scan.files.bytes);
      expect(inventory.files?.cannotMove).toHaveLength(scan.files.cannotMove.length);
      // Resume finds a run by the parts' names and sizes, as before the port.
      expect(source.identity.map((part) => part.name)).toEqual(
        parts[format].map((path) => path.slice(path.lastIndexOf('/') + 1)),
      );
      // A second read is the same reading, not a second walk.
      const inflated = source.reads.partsInflated;
      expect(await source.read({ signal, onProblem: () => undefined })).toBe(inventory);
      expect(source.reads.partsInflated).toBe(inflated);
    } finally {
      await source.close();
    }
  });

  it('reads the archive once for the inventory, then opens each calendar once to plan it', async () => {
    const source = await openTakeoutSource(parts[format], { t: fr });
    try {
      const inventory = await source.read({ signal, onProblem: () => undefined });
      const { reads } = source;
      // The inventory: one walk over every part (a .tgz inflated once each).
      expect(reads.partsInflated).toBe(format === 'tgz' ? parts[format].length : 0);
      const calendarKeys = inventory.calendars.map((calendar) => calendar.key);
      for (const key of calendarKeys) expect(reads.byPath.get(key), key).toBe(1);

      const planned = await planCalendarJobs({
        calendars: inventory.calendars,
        client: offlineClient(),
        home: 'https://dav.example/calendars/famille/',
        signal,
      });
      // Read from the .tgz's copy or the zip alike: every event of every calendar that moves.
      const ordinary = inventory.calendars.filter((one) => one.identity.role === 'ordinary');
      expect(planned.jobs.map((job) => job.found)).toEqual(ordinary.map((one) => one.count));
      // Planning: the survey, one open per calendar that moves; none for the generated ones
      // (their verdict came with the reading), none to read a header.
      for (const calendar of inventory.calendars) {
        const planned = calendar.identity.role === 'ordinary' ? 1 : 0;
        expect(reads.byPath.get(calendar.key), calendar.key).toBe(1 + planned);
      }
      const book = inventory.addressBooks[0];
      if (book === undefined) throw new Error('no address book');
      const before = reads.entriesOpened;
      await planContactJob({
        book,
        client: offlineClient(),
        home: 'https://dav.example/addressbooks/famille/',
        t: fr,
        signal,
        otherContacts: false,
      });
      const contactFiles = [...reads.byPath.keys()].filter((path) => path.endsWith('.vcf'));
      expect(reads.entriesOpened - before).toBe(contactFiles.length);
      // A .tgz is not inflated again to plan: the walk kept a copy of what the planners read.
      expect(reads.partsInflated).toBe(format === 'tgz' ? parts[format].length : 0);
    } finally {
      await source.close();
    }
  });
});
