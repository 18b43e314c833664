// The folder tree rebuilt from `parents`: paths as the archive gives them, same names numbered
// as Takeout numbers them, several parents placed once, orphans at the top, loops cut.
import { describe, expect, it } from 'vitest';
import type { DriveItem } from '../../../../src/sources/google/drive/drive-item.ts';
import { buildDriveTree } from '../../../../src/sources/google/drive/drive-tree.ts';
import type { TreeEntry } from '../../../../src/sources/google/drive/drive-tree.ts';

const ROOT = 'root-id';
const options = { rootId: ROOT, sharedFolderName: 'Partagés avec moi' };

function item(
  id: string,
  name: string,
  parents: string[],
  extra: Partial<DriveItem> = {},
): DriveItem {
  return {
    id,
    name,
    mimeType: 'application/pdf',
    parents,
    size: 1,
    md5Checksum: null,
    modifiedTime: null,
    createdTime: '2024-01-01T00:00:00Z',
    ownedByMe: true,
    ...extra,
  };
}
const folder = (id: string, name: string, parents: string[]): TreeEntry => ({
  item: { ...item(id, name, parents), mimeType: 'application/vnd.google-apps.folder' },
  extension: null,
  isFolder: true,
});
const file = (
  id: string,
  name: string,
  parents: string[],
  extra: Partial<DriveItem> = {},
): TreeEntry => ({
  item: item(id, name, parents, extra),
  extension: null,
  isFolder: false,
});
const paths = (entries: TreeEntry[]): string[] =>
  buildDriveTree(entries, options).placed.map((one) => one.path);

describe('buildDriveTree', () => {
  it('gives My Drive’s files the paths below the Drive folder, in any listing order', () => {
    const entries = [
      file('f3', 'relevé.pdf', ['b']),
      folder('b', '2024', ['a']),
      folder('a', 'Factures', [ROOT]),
      file('f1', 'lisez-moi.txt', [ROOT]),
      { ...file('d1', 'Notes', ['a']), extension: 'odt' },
    ];
    const expected = ['Factures/2024/relevé.pdf', 'Factures/Notes.odt', 'lisez-moi.txt'];
    expect(paths(entries)).toEqual(expected);
    expect(paths([...entries].reverse())).toEqual(expected);
  });

  it('makes names valid as Takeout does, and numbers a second file of the same name', () => {
    const entries = [
      folder('a', 'Devis: 2024/2025', [ROOT]),
      file('late', 'photo.jpg', ['a'], { createdTime: '2024-03-01T00:00:00Z' }),
      file('early', 'photo.jpg', ['a'], { createdTime: '2024-02-01T00:00:00Z' }),
      file('later', 'photo.jpg', ['a'], { createdTime: '2024-04-01T00:00:00Z' }),
    ];
    const placed = buildDriveTree(entries, options).placed;
    expect(Object.fromEntries(placed.map((one) => [one.entry.item.id, one.path]))).toEqual({
      early: 'Devis_ 2024_2025/photo.jpg',
      late: 'Devis_ 2024_2025/photo(1).jpg',
      later: 'Devis_ 2024_2025/photo(2).jpg',
    });
  });

  it('places a file with several parents once, under the first folder by path, and says where else it was', () => {
    const entries = [
      folder('z', 'Vacances', [ROOT]),
      folder('y', 'Albums', [ROOT]),
      file('p', 'plage.jpg', ['z', 'y', 'hidden']),
    ];
    const tree = buildDriveTree(entries, options);
    expect(tree.placed.map((one) => one.path)).toEqual(['Albums/plage.jpg']);
    expect(tree.notes).toEqual([
      {
        code: 'files.google-several-parents',
        where: 'Albums/plage.jpg',
        params: { path: 'Albums/plage.jpg', others: 'Vacances/' },
      },
    ]);
  });

  it('puts the family’s files whose folder is not visible at the top, and says so', () => {
    const tree = buildDriveTree(
      [
        folder('o', 'Projet', ['someone-elses']),
        file('x', 'plan.pdf', ['o']),
        file('y', 'seul.pdf', ['gone']),
      ],
      options,
    );
    expect(tree.placed.map((one) => one.path)).toEqual(['Projet/plan.pdf', 'seul.pdf']);
    expect(tree.notes.map((note) => [note.code, note.where])).toEqual([
      ['files.google-orphan', 'Projet/'],
      ['files.google-orphan', 'seul.pdf'],
    ]);
  });

  it('puts files shared with the family in their own folder, without a note', () => {
    const tree = buildDriveTree(
      [file('s', 'recette.pdf', ['grandma-folder'], { ownedByMe: false })],
      options,
    );
    expect(tree.placed.map((one) => one.path)).toEqual(['Partagés avec moi/recette.pdf']);
    expect(tree.notes).toEqual([]);
  });

  it('cuts a loop of folders instead of losing what is inside', () => {
    const tree = buildDriveTree(
      [folder('a', 'A', ['b']), folder('b', 'B', ['a']), file('f', 'dedans.txt', ['a'])],
      options,
    );
    expect(tree.placed).toHaveLength(1);
    expect(['A/B/dedans.txt', 'B/A/dedans.txt']).toContain(tree.placed[0]?.path);
  });
});
