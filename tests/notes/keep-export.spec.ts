// The generated Keep export: every note's JSON reads with KeepNote (but the one cut short), its
// HTML copy beside it, its attachments in the folder, and expectedNotes says what must move.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeepNote } from '../../src/notes/keep-note.ts';
import { familyKeep } from '../fixtures/takeout/family-spec.ts';
import type { Language } from '../fixtures/takeout/folder-names.ts';
import { expectedNotes, renderKeep } from '../fixtures/takeout/keep-export.ts';
import type { KeepSpec } from '../fixtures/takeout/keep-export.ts';

function render(keep: KeepSpec, language: Language = 'fr'): Map<string, Buffer> {
  return new Map([...renderKeep(keep, language)].map((file) => [file.path, file.content]));
}

describe('the generated Keep export', () => {
  it('writes a JSON and an HTML per note; every JSON but the broken one reads with KeepNote', () => {
    const files = render(familyKeep());
    const json = [...files.keys()].filter((path) => path.endsWith('.json'));
    expect(json).toHaveLength(8);
    for (const path of json) {
      expect(files.has(path.replace(/\.json$/, '.html'))).toBe(true);
      const text = files.get(path)?.toString() ?? '';
      if (path === 'Keep/Cassé.json') {
        expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
      } else {
        expect(KeepNote.safeParse(JSON.parse(text)).success).toBe(true);
      }
    }
  });

  it('numbers notes of the same title and names untitled ones after their creation time', () => {
    const files = render(familyKeep());
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'Keep/Courses.json',
        'Keep/Courses (1).json',
        'Keep/Courses (1).html',
        'Keep/2023-03-03T10_30_00.000+01_00.json',
      ]),
    );
    const untitled = KeepNote.parse(
      JSON.parse(files.get('Keep/2023-03-03T10_30_00.000+01_00.json')?.toString() ?? '{}'),
    );
    expect(untitled.title).toBe('');
    const tight = render({ ...familyKeep(), numbering: 'tight' });
    expect(tight.has('Keep/Courses(1).json')).toBe(true);
  });

  it('writes checklists, labels, links, archived and trashed notes with Google’s fields', () => {
    const files = render(familyKeep());
    const read = (path: string): KeepNote =>
      KeepNote.parse(JSON.parse(files.get(path)?.toString() ?? '{}'));
    expect(read('Keep/Courses.json')).toMatchObject({
      title: 'Courses',
      listContent: [
        { text: 'pain', isChecked: false },
        { text: 'lait', isChecked: true },
        { text: 'œufs', isChecked: false },
      ],
      labels: [{ name: 'Maison' }],
      isPinned: true,
      isArchived: false,
      isTrashed: false,
      createdTimestampUsec: Date.UTC(2023, 0, 5, 9, 30) * 1000,
      userEditedTimestampUsec: Date.UTC(2023, 0, 6, 9, 30) * 1000,
    });
    expect(read('Keep/Idées cadeaux.json')).toMatchObject({
      isArchived: true,
      annotations: [{ url: 'https://www.example.org/livres', title: 'Livres jeunesse' }],
    });
    expect(read('Keep/Vieille liste.json').isTrashed).toBe(true);
    expect(read('Keep/Recette de la pâte à crêpes.json')).toMatchObject({
      textContent: '250 g de farine\n4 œufs\n½ litre de lait\nune pincée de sel',
      labels: [{ name: 'Cuisine' }, { name: 'Famille' }],
      color: 'YELLOW',
    });
  });

  it('puts every attachment a note names in the Keep folder', () => {
    const files = render(familyKeep(), 'de');
    const memo = KeepNote.parse(
      JSON.parse(files.get('Google Notizen/Mémo vocal.json')?.toString() ?? '{}'),
    );
    expect(memo.attachments?.map((attachment) => attachment.mimetype)).toEqual([
      'audio/3gpp',
      'image/jpeg',
    ]);
    for (const attachment of memo.attachments ?? []) {
      expect(files.has(`Google Notizen/${attachment.filePath}`)).toBe(true);
    }
  });
});

describe('expectedNotes', () => {
  it('names the notes that move, with folder and attachments; counts the trashed', () => {
    const spec = { language: 'fr' as const, keep: familyKeep() };
    const truth = expectedNotes(spec);
    const files = render(familyKeep());
    expect(truth.notes.map((note) => [note.key, note.folder])).toEqual([
      ['Keep/Courses.json', ''],
      ['Keep/Courses (1).json', ''],
      ['Keep/2023-03-03T10_30_00.000+01_00.json', ''],
      ['Keep/Recette de la pâte à crêpes.json', ''],
      ['Keep/Mémo vocal.json', ''],
      ['Keep/Idées cadeaux.json', 'Archives'],
    ]);
    expect(truth.trashed).toBe(1);
    expect(truth.unreadable).toEqual(['Keep/Cassé.json']);
    for (const note of truth.notes) {
      const json = KeepNote.parse(JSON.parse(files.get(note.key)?.toString() ?? '{}'));
      expect(json.title).toBe(note.title);
      expect(json.attachments?.map((attachment) => attachment.filePath) ?? []).toEqual(
        note.attachments.map((attachment) => attachment.filePath),
      );
      for (const attachment of note.attachments) {
        const bytes = files.get(attachment.path) ?? Buffer.alloc(0);
        expect(bytes.length).toBe(attachment.size);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment.sha256);
      }
    }
    expect(truth.notes.flatMap((note) => note.attachments)).toHaveLength(3);
  });
});
