// One Keep note as the Markdown file Nextcloud's Notes app (and any text editor) reads: the title
// as the first heading and the file's name, the text as is, a checklist as `- [ ]` / `- [x]`,
// the links Keep found as a list, the attachments (copied beside the note) linked, and the
// labels as one last line of tags. Labels are a line of tags rather than sub-folders: a note may
// carry several labels, and a folder per label would copy it several times or choose one for the
// family; Nextcloud Notes shows the line, and searching for `#recettes` finds the notes.
// The day it was made is its last line (the file's date is its last edit).
// Archived notes go to `Archives/`; trashed notes are not moved (the family had thrown them
// away) and are counted.
import type { KeepNote } from './keep-note.ts';
import { validSegment } from '../files/name-rules.ts';

export interface MarkdownNote {
  /** The file's name, valid on every server (`Liste de courses.md`). */
  readonly fileName: string;
  /** `''` for the notes folder itself, `Archives` for archived notes. */
  readonly folder: '' | 'Archives';
  readonly markdown: string;
  /** When the family last edited it (the file's modification time), when Google said. */
  readonly edited: Date | null;
  readonly created: Date | null;
  /** Attachments as the export names them (beside the note's JSON), with the name they get. */
  readonly attachments: readonly { readonly from: string; readonly name: string }[];
}

export interface NoteWords {
  /** The name of a note without title nor text ("Note du 3 décembre 2026"). */
  untitled(created: Date | null): string;
  /** The heading of the links Keep attached ("Liens"). */
  readonly links: string;
  /** The last line, naming the labels as tags ("Étiquettes : #famille #recettes"). */
  labelsLine(tags: string): string;
  /**
   * When the note was made ("Créée le 3 mars 2023 dans Google Keep."): a file keeps only one
   * date, the last edit, so the first is said in the note.
   */
  createdLine(created: Date): string;
}

/** A trashed note is not moved: null. */
export function noteToMarkdown(note: KeepNote, words: NoteWords): MarkdownNote | null {
  if (note.isTrashed === true) return null;
  const created = dateOf(note.createdTimestampUsec);
  const edited = dateOf(note.userEditedTimestampUsec);
  const text = (note.textContent ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  const firstLine = text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  const title = note.title?.trim() || firstLine?.slice(0, 80) || words.untitled(created);
  const lines: string[] = [`# ${title}`, ''];
  if (text !== '') lines.push(text, '');
  for (const item of note.listContent ?? []) {
    const itemText = (item.text ?? '').replace(/\s*\n\s*/g, ' ').trim();
    lines.push(`- [${item.isChecked === true ? 'x' : ' '}] ${itemText}`);
  }
  if ((note.listContent?.length ?? 0) > 0) lines.push('');
  const links = (note.annotations ?? []).filter((one) => one.url !== undefined && one.url !== '');
  if (links.length > 0) {
    lines.push(`## ${words.links}`, '');
    for (const link of links) lines.push(`- [${link.title?.trim() || link.url}](<${link.url}>)`);
    lines.push('');
  }
  const attachments = (note.attachments ?? []).map((attachment) => {
    const name = validSegment(attachment.filePath.split('/').at(-1) ?? attachment.filePath);
    return { from: attachment.filePath, name };
  });
  for (const attachment of attachments) {
    const image = /^image\//.test(
      note.attachments?.find((one) => one.filePath === attachment.from)?.mimetype ?? '',
    );
    lines.push(`${image ? '!' : ''}[${attachment.name}](<${attachment.name}>)`);
  }
  if (attachments.length > 0) lines.push('');
  const labels = (note.labels ?? []).map((label) => label.name.trim()).filter(Boolean);
  if (labels.length > 0) {
    lines.push(
      words.labelsLine(labels.map((label) => `#${label.replace(/\s+/g, '_')}`).join(' ')),
      '',
    );
  }
  if (created !== null) lines.push(`_${words.createdLine(created)}_`, '');
  return {
    fileName: validSegment(`${title.replace(/\s+/g, ' ')}.md`),
    folder: note.isArchived === true ? 'Archives' : '',
    markdown: `${lines.join('\n').trimEnd()}\n`,
    edited,
    created,
    attachments,
  };
}

function dateOf(usec: number | string | undefined): Date | null {
  if (usec === undefined) return null;
  const value = Number(usec);
  if (!Number.isFinite(value) || value <= 0) return null;
  return new Date(Math.floor(value / 1000));
}
