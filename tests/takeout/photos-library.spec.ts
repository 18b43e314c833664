// Each rule of the Photos library on hand-made trees: one picture per copies, its key, its name,
// date, edited and live links, albums, the bin, Archive and Failed Videos.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPhotosLibrary } from '../../src/takeout/photos-library.ts';
import type { PhotosFacts } from '../../src/takeout/photos-library.ts';
import type { AlbumDescription, SidecarFacts } from '../../src/takeout/sidecar-facts.ts';
import type { TakeoutEntry } from '../../src/takeout/takeout-source.ts';

const F = 'Google Photos';

function entry(path: string, size = 100): TakeoutEntry {
  return {
    path,
    size,
    mtime: null,
    part: 0,
    open: () => Promise.resolve(Readable.from([Buffer.alloc(size)])),
  };
}

function sidecar(title: string, taken: number | null, more: Partial<SidecarFacts> = {}) {
  return { title, taken, created: null, trashed: false, ...more };
}

function library(
  files: readonly (string | [string, number])[],
  sidecars: Record<string, SidecarFacts> = {},
  albums: Record<string, AlbumDescription> = {},
) {
  const entries = files.map((file) =>
    typeof file === 'string' ? entry(`${F}/${file}`) : entry(`${F}/${file[0]}`, file[1]),
  );
  const facts: PhotosFacts = {
    sidecars: new Map(Object.entries(sidecars).map(([path, facts]) => [`${F}/${path}`, facts])),
    albums: new Map(Object.entries(albums).map(([path, album]) => [`${F}/${path}`, album])),
  };
  return readPhotosLibrary(F, entries, facts);
}

describe('readPhotosLibrary', () => {
  it('moves a picture once from its year folder, whatever albums also hold it', () => {
    const lib = library(
      [
        'Vacances/metadata.json',
        'Vacances/IMG_1.jpg',
        'Vacances/IMG_1.jpg.supplemental-metadata.json',
        'Photos from 2019/IMG_1.jpg',
        'Photos from 2019/IMG_1.jpg.supplemental-metadata.json',
        'Mer/métadonnées.json',
        'Mer/IMG_1(1).jpg',
        'Mer/IMG_1.jpg.supplemental-metadata(1).json',
      ],
      {
        'Vacances/IMG_1.jpg.supplemental-metadata.json': sidecar('IMG_1.jpg', 1_563_000_000),
        'Photos from 2019/IMG_1.jpg.supplemental-metadata.json': sidecar(
          'IMG_1.jpg',
          1_563_000_000,
        ),
        'Mer/IMG_1.jpg.supplemental-metadata(1).json': sidecar('IMG_1.jpg', 1_563_000_000),
      },
      { 'Vacances/metadata.json': { title: 'Vacances 2019', description: 'Chez mamie' } },
    );
    expect(lib.photos).toEqual([
      {
        key: `${F}/Photos from 2019/IMG_1.jpg`,
        name: 'IMG_1.jpg',
        size: 100,
        taken: new Date(1_563_000_000_000),
        editedOf: null,
        liveOf: null,
      },
    ]);
    expect(lib.albums).toEqual([
      { name: 'Mer', description: null, photos: [`${F}/Photos from 2019/IMG_1.jpg`] },
      {
        name: 'Vacances 2019',
        description: 'Chez mamie',
        photos: [`${F}/Photos from 2019/IMG_1.jpg`],
      },
    ]);
    expect(lib.summary).toMatchObject({ count: 1, duplicates: 2, bytes: 100 });
  });

  it('keeps two pictures of one name apart when their size or date differ', () => {
    const lib = library(
      [
        'Photos from 2019/IMG.jpg',
        'Photos from 2019/IMG.jpg.json',
        ['Photos from 2019/IMG(1).jpg', 200],
        'Photos from 2019/IMG.jpg(1).json',
      ],
      {
        'Photos from 2019/IMG.jpg.json': sidecar('IMG.jpg', 1000),
        'Photos from 2019/IMG.jpg(1).json': sidecar('IMG.jpg', 2000),
      },
    );
    expect(lib.photos.map((p) => [p.key, p.name, p.taken?.getTime()])).toEqual([
      [`${F}/Photos from 2019/IMG(1).jpg`, 'IMG.jpg', 2_000_000],
      [`${F}/Photos from 2019/IMG.jpg`, 'IMG.jpg', 1_000_000],
    ]);
  });

  it('moves a picture only in an album from the album folder', () => {
    const lib = library(['Noël/metadata.json', 'Noël/A.jpg', 'Noël/A.jpg.json'], {
      'Noël/A.jpg.json': sidecar('A.jpg', 5),
    });
    expect(lib.photos.map((p) => p.key)).toEqual([`${F}/Noël/A.jpg`]);
    expect(lib.albums).toEqual([{ name: 'Noël', description: null, photos: [`${F}/Noël/A.jpg`] }]);
  });

  it('restores the full name and keeps the file’s own extension', () => {
    const long = 'Capture d’écran 2020-06-01 à 12.34.56 - Anniversaire de Léa au parc';
    const lib = library(
      [
        `2020/${long.slice(0, 47)}.png`,
        `2020/${long.slice(0, 46)}.json`,
        '2020/2013-08-22.png',
        '2020/2013-08-22.json',
        '2020/IMG_7.jpg',
        '2020/IMG_7.jpg.json',
      ],
      {
        [`2020/${long.slice(0, 46)}.json`]: sidecar(`${long}.png`, 1),
        '2020/2013-08-22.json': sidecar('2013-08-22', 2),
        // The title names another format than the bytes Google wrote.
        '2020/IMG_7.jpg.json': sidecar('IMG_7.HEIC', 3),
      },
    );
    expect(lib.photos.map((p) => p.name).sort()).toEqual(
      ['2013-08-22.png', 'IMG_7.jpg', `${long}.png`].sort(),
    );
  });

  it('links an edited copy to its original and a live video to its still, same date', () => {
    const lib = library(
      [
        '2020/IMG_1.HEIC',
        '2020/IMG_1.HEIC.supplemental-metadata.json',
        '2020/IMG_1.MP4',
        '2020/IMG_2.jpg',
        '2020/IMG_2.jpg.supplemental-metadata.json',
        ['2020/IMG_2-modifié.jpg', 150],
        // A video of another moment that only shares the still's name is not its live video.
        '2020/IMG_3.jpg',
        '2020/IMG_3.jpg.json',
        '2020/IMG_3.mp4',
        '2020/IMG_3.mp4.json',
      ],
      {
        '2020/IMG_1.HEIC.supplemental-metadata.json': sidecar('IMG_1.HEIC', 100),
        '2020/IMG_2.jpg.supplemental-metadata.json': sidecar('IMG_2.jpg', 200),
        '2020/IMG_3.jpg.json': sidecar('IMG_3.jpg', 300),
        '2020/IMG_3.mp4.json': sidecar('IMG_3.mp4', 9_000),
      },
    );
    const by = new Map(lib.photos.map((p) => [p.key.slice(`${F}/2020/`.length), p]));
    expect(by.get('IMG_1.MP4')).toMatchObject({
      name: 'IMG_1.MP4',
      liveOf: `${F}/2020/IMG_1.HEIC`,
      taken: new Date(100_000),
    });
    expect(by.get('IMG_2-modifié.jpg')).toMatchObject({
      name: 'IMG_2-modifié.jpg',
      editedOf: `${F}/2020/IMG_2.jpg`,
      taken: new Date(200_000),
    });
    expect(by.get('IMG_3.mp4')?.liveOf).toBeNull();
    expect(lib.summary).toMatchObject({
      count: 6,
      videos: 2,
      edited: 1,
      editedBytes: 150,
      livePhotos: 1,
      undated: 0,
    });
  });

  it('dates from the upload when Google kept no taken date, and leaves a picture without sidecar undated', () => {
    const lib = library(['2020/WA.jpg', '2020/WA.jpg.json', '2020/nu.jpg'], {
      '2020/WA.jpg.json': sidecar('WA.jpg', null, { created: 42 }),
    });
    expect(lib.photos.map((p) => [p.name, p.taken])).toEqual([
      ['WA.jpg', new Date(42_000)],
      ['nu.jpg', null],
    ]);
    expect(lib.summary.undated).toBe(1);
  });

  it('leaves the bin out (by its name or its sidecars), moves Archive and Failed Videos', () => {
    const lib = library(
      [
        'Corbeille/A.jpg',
        'Corbeille/A.jpg.json',
        'Poubelle inconnue/B.jpg',
        'Poubelle inconnue/B.jpg.json',
        'Archive/C.jpg',
        'Archive/C.jpg.json',
        'Failed Videos/D.mp4',
      ],
      {
        'Corbeille/A.jpg.json': sidecar('A.jpg', 1),
        'Poubelle inconnue/B.jpg.json': sidecar('B.jpg', 2, { trashed: true }),
        'Archive/C.jpg.json': sidecar('C.jpg', 3),
      },
    );
    expect(lib.photos.map((p) => p.key)).toEqual([
      `${F}/Archive/C.jpg`,
      `${F}/Failed Videos/D.mp4`,
    ]);
    expect(lib.trashed).toBe(2);
    expect(lib.albums).toEqual([]);
  });

  it('finds an album’s picture by its sidecar when only the year folder holds the picture', () => {
    const lib = library(
      [
        '2019/IMG.jpg',
        '2019/IMG.jpg.json',
        'Mer/metadata.json',
        'Mer/IMG.jpg.supplemental-metadata.json',
      ],
      {
        '2019/IMG.jpg.json': sidecar('IMG.jpg', 7),
        'Mer/IMG.jpg.supplemental-metadata.json': sidecar('IMG.jpg', 7),
      },
    );
    expect(lib.albums).toEqual([{ name: 'Mer', description: null, photos: [`${F}/2019/IMG.jpg`] }]);
  });

  it('gives the same library whatever the order the entries come in', () => {
    const files = [
      'Vacances/metadata.json',
      'Vacances/B.jpg',
      'Vacances/B.jpg.json',
      'Vacances/A.jpg',
      'Vacances/A.jpg.json',
      '2019/A.jpg',
      '2019/A.jpg.json',
    ];
    const sidecars = {
      'Vacances/B.jpg.json': sidecar('B.jpg', 20),
      'Vacances/A.jpg.json': sidecar('A.jpg', 10),
      '2019/A.jpg.json': sidecar('A.jpg', 10),
    };
    const one = library(files, sidecars);
    const other = library([...files].reverse(), sidecars);
    expect(other.photos).toEqual(one.photos);
    expect(other.albums).toEqual(one.albums);
    expect(one.albums[0]?.photos).toEqual([`${F}/2019/A.jpg`, `${F}/Vacances/B.jpg`]);
  });
});

describe('readPhotosLibrary: an edited copy whose suffix Google cut', () => {
  it('is dated and named from its original, with the suffix the export uses', () => {
    const stem = 'IMG_20230101_120000_Reveillon_chez_Mamie_01';
    const lib = library(
      [
        `2023/${stem}.jpg`,
        `2023/${stem}.jpg.json`,
        `2023/${stem}-modi.jpg`,
        '2023/B.jpg',
        '2023/B.jpg.json',
        '2023/B-modifié.jpg',
        // Not an edited copy: no original of that stem beside it.
        '2023/Soirée-mod.jpg',
      ],
      {
        [`2023/${stem}.jpg.json`]: sidecar(`${stem}.jpg`, 100),
        '2023/B.jpg.json': sidecar('B.jpg', 200),
      },
    );
    const cut = lib.photos.find((p) => p.key === `${F}/2023/${stem}-modi.jpg`);
    expect(cut).toMatchObject({
      name: `${stem}-modifié.jpg`,
      taken: new Date(100_000),
      editedOf: `${F}/2023/${stem}.jpg`,
    });
    expect(lib.photos.find((p) => p.key === `${F}/2023/Soirée-mod.jpg`)).toMatchObject({
      name: 'Soirée-mod.jpg',
      taken: null,
      editedOf: null,
    });
  });
});

describe('readPhotosLibrary: pictures the export lacks', () => {
  it('names a sidecar without its picture, not one whose picture is elsewhere or beside it', () => {
    const lib = library(
      [
        '2020/A.jpg',
        '2020/A.jpg.json',
        '2020/Gone.jpg.supplemental-metadata.json',
        // Its picture is in the year folder only.
        'Mer/metadata.json',
        'Mer/A.jpg.json',
        // Beside a picture pairSidecars cannot tie it to (a name with a space Google kept).
        '2020/Weird name-ha editado.jpg',
        '2020/Weird name-ha ed.json',
        'Corbeille/Old.jpg.json',
      ],
      {
        '2020/A.jpg.json': sidecar('A.jpg', 1),
        '2020/Gone.jpg.supplemental-metadata.json': sidecar('Gone.jpg', 2),
        'Mer/A.jpg.json': sidecar('A.jpg', 1),
        '2020/Weird name-ha ed.json': sidecar('Weird name-ha editado.jpg', 3),
        'Corbeille/Old.jpg.json': sidecar('Old.jpg', 4),
      },
    );
    expect(lib.problems).toEqual([
      {
        code: 'takeout.photo-missing',
        where: `${F}/2020/Gone.jpg.supplemental-metadata.json`,
        params: { name: 'Gone.jpg' },
      },
    ]);
  });
});
