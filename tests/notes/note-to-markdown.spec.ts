// A Keep note becomes one Markdown file Nextcloud Notes reads: title, text, checklist, links,
// attachments linked, labels as tags; archived notes apart; trashed notes not moved.
import { describe, expect, it } from 'vitest';
import { KeepNote } from '../../src/notes/keep-note.ts';
import { noteToMarkdown } from '../../src/notes/note-to-markdown.ts';

const words = {
  untitled: (created: Date | null) => `Note du ${created?.toISOString().slice(0, 10) ?? '?'}`,
  links: 'Liens',
  labelsLine: (tags: string) => `Étiquettes : ${tags}`,
  createdLine: (created: Date) => `Créée le ${created.toISOString().slice(0, 10)}.`,
};

describe('noteToMarkdown', () => {
  it('writes a checklist with its labels, dated as Google dated it', () => {
    const note = KeepNote.parse({
      title: 'Courses',
      listContent: [
        { text: 'pain', isChecked: false },
        { text: 'lait\ndemi-écrémé', isChecked: true },
      ],
      labels: [{ name: 'Maison' }, { name: 'À faire' }],
      createdTimestampUsec: 1700000000000000,
      userEditedTimestampUsec: '1701000000123456',
    });
    const markdown = noteToMarkdown(note, words);
    expect(markdown).toEqual({
      fileName: 'Courses.md',
      folder: '',
      markdown:
        '# Courses\n\n- [ ] pain\n- [x] lait demi-écrémé\n\nÉtiquettes : #Maison #À_faire\n\n_Créée le 2023-11-14._\n',
      created: new Date(1700000000000),
      edited: new Date(1701000000123),
      attachments: [],
    });
  });

  it('names an untitled note after its first line, links its attachments and Keep’s links', () => {
    const note = KeepNote.parse({
      textContent: '\nCode du portail : 1234\r\nBâtiment B',
      attachments: [{ filePath: 'Keep/1a2b3c.jpg', mimetype: 'image/jpeg' }],
      annotations: [{ url: 'https://exemple.org/plan', title: 'Plan' }],
      isArchived: true,
    });
    const markdown = noteToMarkdown(note, words);
    expect(markdown?.fileName).toBe('Code du portail _ 1234.md');
    expect(markdown?.folder).toBe('Archives');
    expect(markdown?.markdown).toBe(
      '# Code du portail : 1234\n\nCode du portail : 1234\nBâtiment B\n\n## Liens\n\n- [Plan](<https://exemple.org/plan>)\n\n![1a2b3c.jpg](<1a2b3c.jpg>)\n',
    );
    expect(markdown?.attachments).toEqual([{ from: 'Keep/1a2b3c.jpg', name: '1a2b3c.jpg' }]);
  });

  it('leaves a trashed note out, and names an empty one by its date', () => {
    expect(noteToMarkdown(KeepNote.parse({ title: 'Vieux', isTrashed: true }), words)).toBeNull();
    const empty = noteToMarkdown(KeepNote.parse({ createdTimestampUsec: 1764720000000000 }), words);
    expect(empty?.fileName).toBe('Note du 2025-12-03.md');
  });
});
