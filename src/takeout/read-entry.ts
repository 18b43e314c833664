// Hands one entry's content to the visitor, the same way for every kind of part: an entry that
// cannot be opened or read (damaged data, sizes that do not match the directory, a file gone
// from the folder) is named and the walk goes on; a cancellation ends it.
import type { Readable } from 'node:stream';
import { takeoutProblem } from './takeout-problems.ts';
import { isAbort } from './takeout-source.ts';
import type { TakeoutEntry, WalkContext } from './takeout-source.ts';

export async function readEntry(
  context: WalkContext,
  entry: TakeoutEntry,
  open: () => Promise<Readable>,
): Promise<void> {
  let content: Readable;
  try {
    content = await open();
  } catch (error) {
    if (isAbort(context.signal)) throw error;
    context.report(takeoutProblem('entry-unreadable', entry.path));
    return;
  }
  try {
    await context.visitor.read(entry, content);
  } catch (error) {
    if (isAbort(context.signal)) throw error;
    context.report(takeoutProblem('entry-unreadable', entry.path));
  } finally {
    content.destroy();
  }
}
