import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../support/snapshot.ts';
import { scanTakeout } from '../../src/takeout/scan-takeout.ts';
import type { ScanFacts } from '../../src/takeout/scan-takeout.ts';
import { buildTakeout } from '../fixtures/takeout/build-takeout.ts';
import { driveCalendar, familySpec } from '../fixtures/takeout/family-spec.ts';
import { folderNames } from '../fixtures/takeout/folder-names.ts';
import type { Language } from '../fixtures/takeout/folder-names.ts';
import { renderTakeout } from '../fixtures/takeout/takeout-spec.ts';
import { writeZip } from '../fixtures/takeout/zip-writer.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-scan-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Bytes per top-level folder of what the generator wrote: the expected "others". */
function bytesByFolder(language: Language): Map<string, { entries: number; bytes: number }> {
  const sizes = new Map<string, { entries: number; bytes: number }>();
  for (const file of renderTakeout(familySpec(language))) {
    const top = file.path.includes('/') ? file.path.slice(0, file.path.indexOf('/')) : '';
    const known = sizes.get(top) ?? { entries: 0, bytes: 0 };
    sizes.set(top, { entries: known.entries + 1, bytes: known.bytes + file.content.length });
  }
  return sizes;
}

function expectedFrench(): Omit<ScanFacts, 'archives'> {
  const folders = bytesByFolder('fr');
  const other = (product: string, folder: string) => ({ product, folder, ...folders.get(folder) });
  return {
    missingParts: [],
    calendars: [
      {
        key: 'Agenda/Anniversaires.ics',
        name: 'Anniversaires de vos contacts',
        color: null,
        events: 3,
        generated: 'birthdays',
      },
      // Two one-off events and one series with a moved instance.
      {
        key: 'Agenda/camille.dupont@gmail.com.ics',
        name: 'camille.dupont@gmail.com',
        color: '#9fc6e7',
        events: 3,
        generated: null,
      },
      {
        key: 'Agenda/Club de foot.ics',
        name: 'Club de foot',
        color: null,
        events: 1,
        generated: null,
      },
      // Three one-off events, a series (2 cancelled, 2 moved instances), two moved instances
      // without their series (one UID), one event without UID.
      { key: 'Agenda/Famille.ics', name: 'Famille', color: null, events: 6, generated: null },
      {
        key: 'Agenda/Jours fériés en France.ics',
        name: 'Jours fériés en France',
        color: null,
        events: 4,
        generated: 'holidays',
      },
    ],
    // Émile was added by Google itself ("other contacts"): apart, not among the people saved.
    contacts: { count: 4, labels: ['École', 'Famille'], starred: 1, otherContacts: 1 },
    tasks: {
      // The cleared task moves too (as a completed task): Google still shows it.
      count: 4,
      lists: [
        { title: 'Courses', count: 3 },
        { title: 'Maison', count: 1 },
      ],
      cleared: 1,
    },
    files: {
      folder: 'Drive',
      count: 7,
      bytes: 30_000 + 12_000 + 8_000 + 50_000 + 4_000 + 200_000 + driveCalendar.length,
      documents: { count: 4, byFormat: { docx: 1, xlsx: 1, pptx: 1, odt: 1 } },
      cannotMove: [
        { where: 'Drive/Carte des randonnées.gmap', kind: 'map' },
        { where: 'Drive/Raccourci vers Budget.glink', kind: 'shortcut' },
        { where: 'Drive/Sondage kermesse.gform', kind: 'form' },
      ],
    },
    // Three pictures of 2 KB with their sidecars, two notes: Photos and Keep move now, they are
    // no longer among the products Baluchon does not move.
    photos: {
      folder: 'Google Photos',
      count: 3,
      bytes: 3 * 2048,
      videos: 0,
      edited: 0,
      editedBytes: 0,
      livePhotos: 0,
      undated: 0,
      duplicates: 0,
      albums: [],
    },
    notes: { folder: 'Keep', count: 2, archived: 0, trashed: 0, attachments: 0, labels: [] },
    others: [other('mail', 'Mail'), other('other', 'Mon activité')],
    problems: [],
  } as Omit<ScanFacts, 'archives'>;
}

describe('scanTakeout: a French-language export in two .zip parts', () => {
  it('gives the exact inventory, a folder being spread over both parts, without writing anything', async () => {
    const target = join(dir, 'fr-zip');
    const partsOfCalendars = new Set<number>();
    const parts = await buildTakeout(target, familySpec('fr'), {
      format: 'zip',
      parts: 2,
      onFile: (file, part) => {
        if (file.path.startsWith('Agenda/')) partsOfCalendars.add(part);
      },
    });
    expect(partsOfCalendars).toEqual(new Set([0, 1]));
    const before = { temp: snapshot(dir), cwd: snapshot(process.cwd(), { skipToolFolders: true }) };
    // Given in reverse order: parts are read in their own order anyway.
    const report = await scanTakeout([...parts].reverse());
    expect(snapshot(dir)).toEqual(before.temp);
    expect(snapshot(process.cwd(), { skipToolFolders: true })).toEqual(before.cwd);

    const { archives, ...rest } = report;
    expect(rest).toEqual(expectedFrench());
    expect(archives.map((archive) => [archive.name, archive.format, archive.bytes])).toEqual(
      parts.map((path) => [basename(path), 'zip', statSync(path).size]),
    );
    const files = [...renderTakeout(familySpec('fr'))].length;
    expect(archives.map((archive) => archive.entries)).toEqual([
      Math.ceil(files / 2),
      Math.floor(files / 2),
    ]);
  });

  it('gives the same inventory from the same data as one .tgz, and as unpacked folders', async () => {
    const [tgz] = await buildTakeout(join(dir, 'fr-tgz'), familySpec('fr'), { format: 'tgz' });
    const fromTgz = await scanTakeout([tgz as string]);
    expect({ ...fromTgz, archives: [] }).toEqual({ ...expectedFrench(), archives: [] });
    expect(fromTgz.archives).toMatchObject([
      { format: 'tgz', entries: [...renderTakeout(familySpec('fr'))].length },
    ]);

    const folders = await buildTakeout(join(dir, 'fr-folder'), familySpec('fr'), {
      format: 'folder',
      parts: 2,
    });
    const fromFolders = await scanTakeout(folders);
    expect({ ...fromFolders, archives: [] }).toEqual({ ...expectedFrench(), archives: [] });
    // The folder holding both unpacked parts works too.
    const fromParent = await scanTakeout([join(dir, 'fr-folder')]);
    expect({ ...fromParent, archives: [] }).toEqual({ ...expectedFrench(), archives: [] });
  });
});

describe('scanTakeout finds each product by its content, whatever the language', () => {
  const languages = Object.keys(folderNames) as Language[];

  it.each(languages)('%s', async (language) => {
    const parts = await buildTakeout(join(dir, `lang-${language}`), familySpec(language), {
      format: language === 'de' || language === 'gibberish' ? 'tgz' : 'zip',
      parts: 3,
    });
    const report = await scanTakeout(parts);
    const names = folderNames[language];
    const french = expectedFrench();
    expect(report.calendars.map(({ key: _key, ...calendar }) => calendar)).toEqual(
      french.calendars.map(({ key: _key, ...calendar }) => calendar),
    );
    expect(
      report.calendars.every((calendar) => calendar.key.startsWith(`${names.calendar}/`)),
    ).toBe(true);
    expect(report.contacts).toEqual(french.contacts);
    expect(report.tasks).toEqual(french.tasks);
    expect(report.files).toEqual({
      ...french.files,
      folder: names.drive,
      cannotMove: french.files.cannotMove.map((item) => ({
        ...item,
        where: item.where.replace('Drive/', `${names.drive}/`),
      })),
    });
    expect(report.others.map((other) => [other.product, other.folder]).sort()).toEqual(
      [
        ['mail', names.mail],
        ['other', names.activity],
      ].sort(),
    );
    expect(report.photos).toEqual({ ...french.photos, folder: names.photos });
    expect(report.notes).toEqual({ ...french.notes, folder: names.keep });
    expect(report.problems).toEqual([]);
  });

  it('recognises a task list, a calendar and an address book that are not named as Google names them', async () => {
    const zip = join(dir, 'odd-names.zip');
    writeZip(zip, [
      {
        name: 'Takeout/Aufgaben/Meine Aufgaben.json',
        data: Buffer.from(
          '{"kind":"tasks#taskLists","items":[{"title":"A","items":[{"title":"x"}]}]}',
        ),
      },
      {
        name: 'Takeout/Kalender/export.txt',
        data: Buffer.from(
          'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        ),
      },
      {
        name: 'Takeout/Adressbuch/leute',
        data: Buffer.from('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'),
      },
    ]);
    const report = await scanTakeout([zip]);
    // Only .ics/.vcf/.json and extension-less files are opened: the .txt calendar is not seen.
    expect(report.calendars).toEqual([]);
    expect(report.contacts.count).toBe(1);
    expect(report.tasks.count).toBe(1);
  });

  it('reads the export of the real German tree (names from a real Takeout)', async () => {
    const tree = readFileSync(
      new URL('../fixtures/google-samples/takeout-tree-de.txt', import.meta.url),
      'utf8',
    );
    const paths = tree
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.slice(line.indexOf('\t') + 1));
    const content = (path: string): Buffer => {
      if (path.endsWith('.ics'))
        return Buffer.from(
          'BEGIN:VCALENDAR\r\nX-WR-CALNAME:EMAIL\r\nBEGIN:VEVENT\r\nUID:a@google.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        );
      if (path.endsWith('.vcf'))
        return Buffer.from(
          'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jana\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n',
        );
      if (path.endsWith('Tasks/Tasks.json'))
        return Buffer.from(
          '{"kind":"tasks#taskLists","items":[{"title":"Meine Aufgaben","items":[{"title":"Brot"}]}]}',
        );
      return Buffer.from('{}');
    };
    const zip = join(dir, 'de-tree.zip');
    writeZip(
      zip,
      paths.map((path) => ({ name: path, data: content(path) })),
    );
    const report = await scanTakeout([zip]);
    expect(report.calendars).toMatchObject([
      { key: 'Kalender/EMAIL.ics', name: 'EMAIL', events: 1 },
    ]);
    // The same card in four label files: one person.
    expect(report.contacts).toEqual({ count: 1, labels: [], starred: 0, otherContacts: 0 });
    expect(report.tasks).toEqual({
      count: 1,
      lists: [{ title: 'Meine Aufgaben', count: 1 }],
      cleared: 0,
    });
    expect(report.files.folder).toBeNull();
    expect(report.others.map((other) => other.folder)).toEqual(
      expect.arrayContaining(['Gmail', 'Google Fotos', 'Chrome', 'Aufgaben']),
    );
    expect(report.others.find((other) => other.folder === 'Gmail')?.product).toBe('mail');
    expect(report.problems).toEqual([]);
  });
});

describe('scanTakeout over the real English tree (no calendar, contacts or Drive in it)', () => {
  it('finds nothing to move, and lists what Baluchon does not move', async () => {
    const tree = readFileSync(
      new URL('../fixtures/google-samples/takeout-tree-en.txt', import.meta.url),
      'utf8',
    );
    const paths = tree
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.slice(line.indexOf('\t') + 1));
    const zip = join(dir, 'en-tree.zip');
    writeZip(
      zip,
      paths.map((path) => ({
        name: path,
        data: Buffer.from(path.endsWith('.html') ? '<html></html>' : '{}'),
      })),
    );
    const report = await scanTakeout([zip]);
    expect(report.calendars).toEqual([]);
    expect(report.contacts.count).toBe(0);
    expect(report.tasks.count).toBe(0);
    expect(report.files.folder).toBeNull();
    const folders = [...new Set(paths.map((path) => path.split('/')[1] ?? ''))].filter(
      (folder) => !folder.endsWith('.html'),
    );
    expect(report.others.map((other) => other.folder).sort()).toEqual(folders.sort());
    expect(report.others.every((other) => other.product === 'other')).toBe(true);
    expect(report.problems).toEqual([]);
  });
});

describe('scanTakeout reports progress and can be cancelled', () => {
  it('reports listing then reading, ending with every byte done', async () => {
    const parts = await buildTakeout(join(dir, 'progress'), familySpec('en'), {
      format: 'zip',
      parts: 2,
    });
    const seen: { phase: string; bytesDone: number; bytesTotal: number }[] = [];
    await scanTakeout(parts, { onProgress: (progress) => seen.push(progress) });
    expect(seen[0]?.phase).toBe('listing');
    const last = seen.at(-1);
    expect(last?.phase).toBe('reading');
    expect(last?.bytesDone).toBe(last?.bytesTotal);
    expect(last?.bytesTotal).toBe(parts.reduce((sum, path) => sum + statSync(path).size, 0));
  });

  it('stops when its signal aborts', async () => {
    const [tgz] = await buildTakeout(join(dir, 'cancel'), familySpec('en'), { format: 'tgz' });
    const controller = new AbortController();
    const reason = new Error('stop');
    const scan = scanTakeout([tgz as string], {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'reading') controller.abort(reason);
      },
    });
    await expect(scan).rejects.toBe(reason);
  });
});
