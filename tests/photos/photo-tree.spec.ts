// Where each picture goes: by the month it was taken in the family's time zone, edited copies and
// live photos' videos beside their original, undated pictures apart, albums as lists that link
// the names the pictures really get.
import { describe, expect, it } from 'vitest';
import { planPhotoTree } from '../../src/photos/photo-tree.ts';
import type { PhotoTreeOptions } from '../../src/photos/photo-tree.ts';
import type { SourcePhoto, SourcePhotos } from '../../src/sources/source.ts';

const photo = (key: string, name: string, taken: string | null, more: Partial<SourcePhoto> = {}) =>
  ({
    key,
    name,
    size: 100,
    taken: taken === null ? null : new Date(taken),
    editedOf: null,
    liveOf: null,
    ...more,
  }) satisfies SourcePhoto;

const library = (photos: SourcePhoto[], albums: SourcePhotos['albums'] = []): SourcePhotos => ({
  key: 'google-photos',
  photos,
  bytes: photos.reduce((sum, one) => sum + one.size, 0),
  albums,
  // The tree is planned from names and dates only: no byte is read.
  feed: () => ({
    [Symbol.asyncIterator]: () => ({
      next: () => Promise.reject(new Error('no byte is read while planning')),
    }),
  }),
});

const options: PhotoTreeOptions = {
  editedPhotos: true,
  timeZone: 'Europe/Paris',
  undatedFolder: 'Sans date',
  albumLists: {
    folder: 'Albums',
    fileName: 'Photos de l’album.md',
    heading: (name) => `Album « ${name} »`,
    count: (count) => `${count} photos`,
  },
};

describe('planPhotoTree', () => {
  it('files a picture by the month it was taken where the family lives', () => {
    const tree = planPhotoTree(
      library([
        photo('a', 'IMG_1.jpg', '2019-12-31T23:30:00Z'),
        photo('b', 'IMG_2.jpg', '2020-02-10T10:00:00Z'),
      ]),
      options,
    );
    expect(tree.placed.map((one) => one.path)).toEqual(['2020/01/IMG_1.jpg', '2020/02/IMG_2.jpg']);
    expect(tree.placed[0]?.mtime?.toISOString()).toBe('2019-12-31T23:30:00.000Z');
  });

  it('keeps an edited copy and a live photo’s video beside their original, the undated apart', () => {
    const tree = planPhotoTree(
      library([
        photo('o', 'IMG_3.HEIC', '2021-06-01T10:00:00Z'),
        photo('e', 'IMG_3-modifié.HEIC', null, { editedOf: 'o' }),
        photo('v', 'IMG_3.MP4', null, { liveOf: 'o' }),
        photo('u', 'scan.jpg', null),
      ]),
      options,
    );
    expect(Object.fromEntries(tree.placed.map((one) => [one.photo.key, one.path]))).toEqual({
      o: '2021/06/IMG_3.HEIC',
      e: '2021/06/IMG_3-modifié.HEIC',
      v: '2021/06/IMG_3.MP4',
      u: 'Sans date/scan.jpg',
    });
    expect(tree.placed.find((one) => one.photo.key === 'e')?.mtime).toEqual(
      new Date('2021-06-01T10:00:00Z'),
    );
  });

  it('leaves the edited copies out when the family keeps the originals only', () => {
    const tree = planPhotoTree(
      library([
        photo('o', 'IMG_3.jpg', '2021-06-01T10:00:00Z'),
        { ...photo('e', 'IMG_3-edited.jpg', null, { editedOf: 'o' }), size: 40 },
      ]),
      { ...options, editedPhotos: false },
    );
    expect(tree.placed.map((one) => one.photo.key)).toEqual(['o']);
    expect(tree.leftOut).toEqual({ count: 1, bytes: 40 });
  });

  it('gives two different pictures of one name in one month two names, and lists link the real ones', () => {
    const tree = planPhotoTree(
      library(
        [
          photo('a', 'IMG_1.jpg', '2022-03-01T10:00:00Z'),
          photo('b', 'IMG_1.jpg', '2022-03-02T10:00:00Z'),
        ],
        [{ name: 'Ski', description: 'Les Arcs', photos: ['b', 'missing'] }],
      ),
      options,
    );
    const paths = tree.placed.map((one) => one.path).sort();
    expect(paths).toEqual(['2022/03/IMG_1 (2).jpg', '2022/03/IMG_1.jpg']);
    const pathOfB = tree.placed.find((one) => one.photo.key === 'b')?.path as string;
    expect(tree.albums[0]?.paths).toEqual([pathOfB]);
    expect(tree.lists).toHaveLength(1);
    const list = tree.lists[0];
    expect(list?.path).toBe('Albums/Ski/Photos de l’album.md');
    const text = list?.content.toString('utf8') ?? '';
    expect(text).toContain('# Album « Ski »');
    expect(text).toContain('Les Arcs');
    expect(text).toContain(`(<../../${pathOfB}>)`);
    expect(list?.mtime).toEqual(new Date('2022-03-02T10:00:00Z'));
  });

  it('makes no list when the server keeps albums itself', () => {
    const tree = planPhotoTree(
      library(
        [photo('a', 'IMG_1.jpg', '2022-03-01T10:00:00Z')],
        [{ name: 'Ski', description: null, photos: ['a'] }],
      ),
      { ...options, albumLists: null },
    );
    expect(tree.lists).toEqual([]);
    expect(tree.albums[0]?.paths).toEqual(['2022/03/IMG_1.jpg']);
  });
});
