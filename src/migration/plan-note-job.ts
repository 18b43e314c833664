// Google Keep → one new folder of the files account ("Notes", the folder Nextcloud's Notes app
// reads), through the same engine as Drive's files: each note as a Markdown file named after its
// title (src/notes/note-to-markdown.ts), dated from its last edit, archived notes in `Archives/`,
// attachments beside the note they belong to. Notes are made in memory (they are small); the
// attachments' bytes come from the export like any file.
import { Readable } from 'node:stream';
import type { NoteFacts } from '../contract/migrate.ts';
import { noteToMarkdown } from '../notes/note-to-markdown.ts';
import type { NoteWords } from '../notes/note-to-markdown.ts';
import type { SourceFile, SourceFiles, SourceNotes } from '../sources/source.ts';
import { claimPath } from '../files/claim-path.ts';
import { contentTree } from './content-tree.ts';
import type { KeyedFile } from './content-tree.ts';
import { planFileJob } from './plan-file-job.ts';
import type { FileJobPlan, FilesAccountContext } from './plan-file-job.ts';

export interface NoteJobPlan {
  readonly job: FileJobPlan['job'];
  readonly bytes: number;
  facts(): NoteFacts;
}

export async function planNoteJob(
  account: FilesAccountContext,
  args: {
    readonly notes: SourceNotes;
    /** The folder the family named, else "Notes". */
    readonly folderName: string | undefined;
  },
): Promise<NoteJobPlan> {
  const { t } = account;
  const folderName = args.folderName ?? t('notes:folder.default');
  const words: NoteWords = {
    untitled: (created) =>
      created === null
        ? t('notes:note.untitledNoDate')
        : t('notes:note.untitled', { date: created }),
    links: t('notes:note.links'),
    labelsLine: (tags) => t('notes:note.labels', { tags }),
    createdLine: (date) => t('notes:note.created', { date }),
  };
  const tree = noteFiles(args.notes, words);
  const plan = await planFileJob({
    ...account,
    kind: 'notes',
    files: { ...tree.files, folderName },
  });
  return {
    job: plan.job,
    bytes: plan.bytes,
    facts: () => ({
      archived: tree.archived,
      trashed: args.notes.trashed,
      attachments: tree.attachments,
      folder: folderName,
    }),
  };
}

/** The notes as the files engine's tree: Markdown made here, attachments read from the source. */
function noteFiles(
  notes: SourceNotes,
  words: NoteWords,
): { files: Omit<SourceFiles, 'folderName'>; archived: number; attachments: number } {
  const inMemory: SourceFile[] = [];
  const fromSource = new Map<string, KeyedFile>();
  const taken = new Set<string>();
  let archived = 0;
  for (const source of notes.notes) {
    const markdown = noteToMarkdown(source.note, words);
    if (markdown === null) continue;
    if (markdown.folder === 'Archives') archived++;
    const mtime = markdown.edited ?? markdown.created;
    // Beside the note; a name another note's attachment already has is numbered, and the link
    // follows it.
    let text = markdown.markdown;
    for (const attachment of markdown.attachments) {
      const found = source.attachments.find((one) => one.filePath === attachment.from);
      if (found === undefined || fromSource.has(found.key)) continue;
      const path = claimPath(taken, markdown.folder, attachment.name);
      const name = path.split('/').at(-1) ?? attachment.name;
      if (name !== attachment.name) text = text.split(`(<${attachment.name}>)`).join(`(<${name}>)`);
      fromSource.set(found.key, { path, key: found.key, size: found.size, mtime });
    }
    const content = Buffer.from(text, 'utf8');
    inMemory.push({
      path: claimPath(taken, markdown.folder, markdown.fileName),
      key: source.key,
      size: content.length,
      mtime,
      open: () => Promise.resolve(Readable.from([content])),
    });
  }
  return {
    archived,
    attachments: fromSource.size,
    files: contentTree({
      key: notes.key,
      source: notes,
      inMemory,
      fromSource: [...fromSource.values()],
    }),
  };
}
