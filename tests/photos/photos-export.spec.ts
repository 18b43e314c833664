// The generated Google Photos export has every quirk Google's has (asserted on the names it
// writes), its truth (expectedPhotos) matches the bytes and sidecars it writes, and pairSidecars
// pairs every generated picture with the sidecar Google meant for it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pairSidecars } from '../../src/photos/pair-sidecars.ts';
import { edgePhotos, familyMemoriesSpec, familyPhotos } from '../fixtures/takeout/family-spec.ts';
import type { Language } from '../fixtures/takeout/folder-names.ts';
import {
  benchPhotos,
  expectedPhotos,
  renderPhotoLibrary,
} from '../fixtures/takeout/photos-export.ts';
import type { PhotoLibrarySpec } from '../fixtures/takeout/photos-export.ts';
import { renderTakeout } from '../fixtures/takeout/takeout-spec.ts';

const languages: readonly Language[] = ['en', 'fr', 'de', 'es', 'it', 'nl', 'gibberish'];

/** Every file of the family's Photos, by path. */
function render(language: Language): Map<string, Buffer> {
  return new Map(
    [...renderPhotoLibrary(familyPhotos(), language)].map((file) => [file.path, file.content]),
  );
}

function namesIn(files: ReadonlyMap<string, Buffer>, folder: string): string[] {
  return [...files.keys()]
    .filter((path) => path.startsWith(`${folder}/`))
    .map((path) => path.slice(folder.length + 1));
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('the generated Google Photos export', () => {
  it('writes the year folders, albums and album files in the export’s language', () => {
    const folders = (language: Language): string[] => [
      ...new Set([...render(language).keys()].map((path) => path.split('/').slice(0, 2).join('/'))),
    ];
    expect(folders('fr')).toEqual([
      'Google Photos/Photos de 2019',
      'Google Photos/Photos de 2020',
      'Google Photos/Photos de 2021',
      'Google Photos/Vacances à Biarritz',
      'Google Photos/Anniversaire de Léa',
      'Google Photos/Noël en famille',
    ]);
    expect(folders('en')).toContain('Google Photos/Photos from 2019');
    expect(folders('de')).toContain('Google Fotos/Fotos von 2020');
    const fr = render('fr');
    const album = JSON.parse(
      fr.get('Google Photos/Vacances à Biarritz/métadonnées.json')?.toString() ?? 'null',
    ) as unknown;
    expect(album).toMatchObject({
      title: 'Vacances à Biarritz',
      description: 'Été 2019 chez mamie',
      date: { timestamp: String(Date.UTC(2019, 6, 14, 10) / 1000) },
    });
    expect(render('en').has('Google Photos/Noël en famille/metadata.json')).toBe(true);
    expect(render('de').has('Google Fotos/Noël en famille/Metadaten.json')).toBe(true);
  });

  it('numbers two pictures of one name, the number behind the sidecar’s name', () => {
    const names = namesIn(render('fr'), 'Google Photos/Photos de 2019');
    expect(names).toEqual(
      expect.arrayContaining([
        'IMG_0001.jpg',
        'IMG_0001.jpg.supplemental-metadata.json',
        'IMG_0001(1).jpg',
        'IMG_0001.jpg.supplemental-metadata(1).json',
        'IMG_0002.jpg',
        'IMG_0002.jpg.json',
        'IMG_0002(1).jpg',
        'IMG_0002.jpg(1).json',
      ]),
    );
  });

  it('cuts sidecar names at 46 characters and long picture names at 47', () => {
    const files = render('fr');
    const names = [
      ...namesIn(files, 'Google Photos/Photos de 2020'),
      ...namesIn(files, 'Google Photos/Photos de 2021'),
    ];
    expect(names).toEqual(
      expect.arrayContaining([
        'IMG_20211231_235959_123.jpg.supplemental-metad.json',
        'PXL_20210101_000012345.NIGHT.ORIGINAL01.jpg.su.json',
        'PXL_20210101_000012345.NIGHT.ORIGINAL012.jpg.s.json',
        'PXL_20210101_000012345.NIGHT.ORIGINAL0123.jpg..json',
        // The suffix cut away entirely: a new export's sidecar looks like an old one.
        'VID_20210704_153000_Feu_d_artifice_Lyon_01.mp4.json',
        'Screenshot_2020-03-14-14-13-33-16_948cd9899890cbd5c2798760b2b95377.jpg',
        'Screenshot_2020-03-14-14-13-33-16_948cd9899890.json',
        'Capture d’écran 2020-06-01 à 12.34.56 - Anniver.png',
        'Capture d’écran 2020-06-01 à 12.34.56 - Annive.json',
      ]),
    );
    for (const path of files.keys()) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (name.endsWith('.json')) {
        expect(name.slice(0, -'.json'.length).replace(/\(\d+\)$/, '').length).toBeLessThanOrEqual(
          46,
        );
      }
    }
    // The sidecar keeps the full name the picture's file lost.
    const sidecar = JSON.parse(
      files
        .get('Google Photos/Photos de 2020/Capture d’écran 2020-06-01 à 12.34.56 - Annive.json')
        ?.toString() ?? 'null',
    ) as { title: string };
    expect(sidecar.title).toBe(
      'Capture d’écran 2020-06-01 à 12.34.56 - Anniversaire de Léa au parc.png',
    );
  });

  it('writes edited copies beside their original, without a sidecar, in both languages', () => {
    for (const [language, own] of [
      ['fr', '-modifié'],
      ['en', '-edited'],
      ['de', '-bearbeitet'],
    ] as const) {
      const files = render(language);
      // The first year folder, whatever the language calls it.
      const folder = [...files.keys()][0]?.split('/').slice(0, 2).join('/') ?? '';
      const names = namesIn(files, folder);
      expect(names).toEqual(
        expect.arrayContaining([
          'IMG_20190720_180000.jpg',
          'IMG_20190720_180000-edited.jpg',
          'IMG_20190721_090000-modifié.jpg',
          `IMG_20190722_190000${own}.jpg`,
        ]),
      );
      expect(names.filter((name) => name.startsWith('IMG_20190720_180000'))).toHaveLength(3);
    }
  });

  it('writes a live photo as a still and its video, with the still’s sidecar only', () => {
    const names = namesIn(render('fr'), 'Google Photos/Photos de 2020');
    expect(names.filter((name) => name.startsWith('IMG_1234'))).toEqual([
      'IMG_1234.HEIC.supplemental-metadata.json',
      'IMG_1234.HEIC',
      'IMG_1234.MP4',
    ]);
    expect(names).toEqual(expect.arrayContaining(['IMG_1300.HEIC', 'IMG_1300.MOV']));
    expect(names).toEqual(
      expect.arrayContaining([
        'VID_20200609_170000.mp4',
        'VID_20200609_170000.mp4.supplemental-metadata.json',
      ]),
    );
  });

  it('puts album pictures in their year folder too, same bytes; a shared album’s only there', () => {
    const files = render('fr');
    const inYear = files.get('Google Photos/Photos de 2019/IMG_20190714_100000.jpg');
    const inAlbum = files.get('Google Photos/Vacances à Biarritz/IMG_20190714_100000.jpg');
    expect(inYear).toBeDefined();
    expect(inAlbum?.equals(inYear ?? Buffer.alloc(0))).toBe(true);
    const shared = [...files.keys()].filter((path) => path.includes('Noël-2020-01.jpg'));
    expect(shared).toEqual([
      'Google Photos/Noël en famille/Noël-2020-01.jpg.supplemental-metadata.json',
      'Google Photos/Noël en famille/Noël-2020-01.jpg',
    ]);
    // Two different pictures of one name are two different pictures.
    expect(
      files
        .get('Google Photos/Photos de 2019/IMG_0001.jpg')
        ?.equals(files.get('Google Photos/Photos de 2019/IMG_0001(1).jpg') ?? Buffer.alloc(0)),
    ).toBe(false);
  });

  it('writes a picture without sidecar and a sidecar without picture', () => {
    const names = namesIn(render('fr'), 'Google Photos/Photos de 2020');
    expect(names.filter((name) => name.startsWith('photo-sans-date'))).toEqual([
      'photo-sans-date.jpg',
    ]);
    expect(names.filter((name) => name.startsWith('IMG_9999'))).toEqual([
      'IMG_9999.jpg.supplemental-metadata.json',
    ]);
  });

  it('writes sidecars as Google does: title, dates as strings of seconds, place', () => {
    const files = render('fr');
    const sidecar = JSON.parse(
      files
        .get('Google Photos/Photos de 2019/IMG_20190714_100000.jpg.supplemental-metadata.json')
        ?.toString() ?? 'null',
    ) as unknown;
    expect(sidecar).toMatchObject({
      title: 'IMG_20190714_100000.jpg',
      photoTakenTime: {
        timestamp: String(Date.UTC(2019, 6, 14, 10) / 1000),
        formatted: expect.stringContaining('2019') as unknown,
      },
      creationTime: { timestamp: expect.stringMatching(/^\d+$/) as unknown },
      geoData: {
        latitude: expect.any(Number) as unknown,
        longitude: expect.any(Number) as unknown,
      },
    });
    const whatsapp = JSON.parse(
      files
        .get('Google Photos/Photos de 2020/IMG-20200101-WA0003.jpg.supplemental-metadata.json')
        ?.toString() ?? 'null',
    ) as Record<string, unknown>;
    expect(whatsapp['photoTakenTime']).toBeUndefined();
    expect(whatsapp['creationTime']).toBeDefined();
  });

  it('makes bytes that look like the file type and do not change from one run to the next', () => {
    const first = render('fr');
    const second = render('en');
    const jpg = first.get('Google Photos/Photos de 2019/DSC_0529.JPG');
    expect(jpg?.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(jpg?.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(jpg).toHaveLength(5000);
    expect(
      jpg?.equals(second.get('Google Photos/Photos from 2019/DSC_0529.JPG') ?? Buffer.alloc(0)),
    ).toBe(true);
    expect(
      first.get('Google Photos/Photos de 2020/IMG_1234.HEIC')?.subarray(4, 12).toString(),
    ).toBe('ftypheic');
    expect(first.get('Google Photos/Photos de 2020/IMG_1234.MP4')?.subarray(4, 12).toString()).toBe(
      'ftypmp42',
    );
  });
});

describe('expectedPhotos', () => {
  it('names each picture once, with its copies, date, albums, size and hash', () => {
    const spec = { language: 'fr' as const, photoLibrary: familyPhotos() };
    const truth = expectedPhotos(spec);
    const files = render('fr');
    expect(truth.photos).toHaveLength(35);
    const paths = truth.photos.flatMap((photo) => photo.copies.map((copy) => copy.path));
    expect(new Set(paths).size).toBe(paths.length);
    const media = [...files.keys()].filter((path) => !path.endsWith('.json'));
    expect(paths.sort()).toEqual(media.sort());
    for (const photo of truth.photos) {
      for (const copy of photo.copies) {
        const bytes = files.get(copy.path);
        expect(bytes?.length).toBe(photo.size);
        expect(sha(bytes ?? Buffer.alloc(0))).toBe(photo.sha256);
        // The date the truth gives is the one its sidecar holds.
        if (copy.sidecar === null) expect(photo.taken).toBeNull();
        else {
          const json = JSON.parse(files.get(copy.sidecar)?.toString() ?? '{}') as {
            photoTakenTime?: { timestamp: string };
            creationTime: { timestamp: string };
          };
          const seconds = Number((json.photoTakenTime ?? json.creationTime).timestamp);
          expect(photo.taken?.getTime()).toBe(seconds * 1000);
        }
      }
    }
    const byName = (name: string) => truth.photos.filter((photo) => photo.name === name);
    const [still] = byName('IMG_1234.HEIC');
    expect(byName('IMG_1234.MP4')[0]?.liveOf).toBe(still?.id);
    const [original] = byName('IMG_20190721_090000.jpg');
    expect(byName('IMG_20190721_090000-modifié.jpg')[0]).toMatchObject({
      editedOf: original?.id,
      taken: original?.taken,
      albums: ['Vacances à Biarritz'],
    });
    expect(byName('IMG_0001.jpg')).toHaveLength(2);
    expect(
      byName('Capture d’écran 2020-06-01 à 12.34.56 - Anniversaire de Léa au parc.png'),
    ).toHaveLength(1);
    expect(truth.undated.map((id) => truth.photos.find((photo) => photo.id === id)?.name)).toEqual([
      'photo-sans-date.jpg',
    ]);
    expect(truth.orphans).toEqual([
      'Google Photos/Photos de 2020/IMG_9999.jpg.supplemental-metadata.json',
    ]);
    expect(truth.albums.map((album) => [album.name, album.photos.length])).toEqual([
      ['Vacances à Biarritz', 5],
      ['Anniversaire de Léa', 5],
      ['Noël en famille', 4],
    ]);
  });

  it('is what renderTakeout writes for familyMemoriesSpec', () => {
    const spec = familyMemoriesSpec('de');
    const rendered = new Set([...renderTakeout(spec)].map((file) => file.path));
    for (const photo of expectedPhotos(spec).photos) {
      for (const copy of photo.copies) expect(rendered.has(copy.path)).toBe(true);
    }
    // familySpec's plain pictures are left out: the truth is the whole Photos folder.
    expect([...rendered].filter((path) => path.includes('Fotos von 2023'))).toEqual([]);
  });
});

/** Pairs the rendered library and checks every copy's sidecar against the truth. */
function checkPairing(library: PhotoLibrarySpec, language: Language): void {
  const files = new Map(
    [...renderPhotoLibrary(library, language)].map((file) => [file.path, file.content]),
  );
  const truth = expectedPhotos({ language, photoLibrary: library });
  const titleOf = (sidecar: string): string | undefined =>
    (JSON.parse(files.get(sidecar)?.toString() ?? '{}') as { title?: string }).title;
  const result = pairSidecars(files.keys(), titleOf);
  const found = new Map(result.pairs.map((pair) => [pair.media, pair.sidecar]));
  const copies = truth.photos.flatMap((photo) => photo.copies);
  expect([...found.keys()].sort()).toEqual(copies.map((copy) => copy.path).sort());
  for (const copy of copies) {
    // An edited suffix Google's cut reached (`…-edi.jpg`) is the library's to restore, with
    // the export's language (src/takeout/cut-edited.ts): pairSidecars leaves it unpaired.
    const cut = /-edi\.[a-z]+$/i.test(copy.path);
    expect([copy.path, found.get(copy.path)]).toEqual([copy.path, cut ? null : copy.sidecar]);
  }
  expect(result.orphans).toEqual(truth.orphans);
  expect(result.albumFiles.size).toBe(library.albums?.length ?? 0);
}

describe('pairSidecars on the generated export', () => {
  it.each(languages)('pairs every picture with the sidecar Google meant (%s)', (language) => {
    checkPairing(familyPhotos(), language);
  });

  it('pairs the shapes seen in real exports', () => {
    checkPairing(edgePhotos(), 'en');
    const names = [...renderPhotoLibrary(edgePhotos(), 'en')].map((file) =>
      file.path.slice(file.path.lastIndexOf('/') + 1),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Urlaub in Knaufspesch in der Schneifel (38).JP.json',
        'Mariage de Camille et Julien - photographe offi.jpg',
        'Mariage de Camille et Julien - photographe offi(1).jpg',
        'Mariage de Camille et Julien - photographe off(1).json',
        'Screenshot_20220207_102421_com.snapchat.androi.json',
        'D7157814-D2D5-4A62-AFCE-9CF465CB7D66.jpeg.supp.json',
        // Spanish edited copies ('-ha editado', space included) and a suffix the cut reached.
        'IMG_20230102_120000-ha editado.jpg',
        'IMG_20230101_120000_Reveillon_chez_Mamie_01-edi.jpg',
      ]),
    );
  });

  it('pairs the benchmark’s library too', () => {
    const library = benchPhotos(500, 64);
    const files = [...renderPhotoLibrary(library, 'en')].map((file) => file.path);
    const truth = expectedPhotos({ language: 'en', photoLibrary: library });
    const result = pairSidecars(files);
    const wanted = new Map(
      truth.photos.flatMap((photo) => photo.copies.map((copy) => [copy.path, copy.sidecar])),
    );
    expect(new Map(result.pairs.map((pair) => [pair.media, pair.sidecar]))).toEqual(wanted);
    expect(result.orphans).toEqual([]);
  });
});

describe('benchPhotos', () => {
  it('describes 20,000 pictures, a tenth also in albums, without making their bytes', () => {
    const library = benchPhotos(20_000, 200_000);
    expect(library.pictures).toHaveLength(20_000);
    const inAlbums = library.pictures.filter((picture) => (picture.albums ?? []).length > 0);
    expect(inAlbums).toHaveLength(2_000);
    expect(new Set(library.pictures.map((picture) => picture.name)).size).toBe(20_000);
    // The first files come at once: nothing is made ahead.
    const files = renderPhotoLibrary(library, 'fr');
    const first = files.next();
    const second = files.next();
    if (first.done === true || second.done === true) throw new Error('no files rendered');
    expect(first.value.path).toMatch(/\.json$/);
    expect(second.value.content).toHaveLength(200_000);
  });
});
