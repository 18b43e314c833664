// Reads everything a source offers, as the engine would: the inventory, then every collection's
// content (twice, as the planner's two passes do) and every file's bytes.
import type { ProblemFact } from '../../../../src/contract/problem.ts';
import type { Source, SourceInventory } from '../../../../src/sources/source.ts';

export interface ReadBack {
  readonly inventory: SourceInventory;
  /** Collection key → the components (or cards) yielded, in order. */
  readonly calendars: ReadonlyMap<string, readonly string[]>;
  readonly taskLists: ReadonlyMap<string, readonly string[]>;
  readonly addressBooks: ReadonlyMap<string, readonly string[]>;
  /** File path → bytes. */
  readonly files: ReadonlyMap<string, Buffer>;
  readonly problems: readonly ProblemFact[];
}

async function collect(iterable: AsyncIterable<string> | Iterable<string>): Promise<string[]> {
  const items: string[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function twice(open: () => AsyncIterable<string> | Iterable<string>): Promise<string[]> {
  const first = await collect(open());
  const second = await collect(open());
  // The port's promise: every call yields the same items in the same order.
  if (JSON.stringify(first) !== JSON.stringify(second)) throw new Error('two passes differ');
  return first;
}

export async function readAll(
  source: Source,
  signal = new AbortController().signal,
): Promise<ReadBack> {
  const problems: ProblemFact[] = [];
  const inventory = await source.read({ signal, onProblem: (p) => problems.push(p) });
  const calendars = new Map<string, string[]>();
  for (const c of inventory.calendars) calendars.set(c.key, await twice(() => c.content.open()));
  const taskLists = new Map<string, string[]>();
  for (const l of inventory.taskLists) taskLists.set(l.key, await twice(() => l.content.open()));
  const addressBooks = new Map<string, string[]>();
  for (const b of inventory.addressBooks)
    addressBooks.set(b.key, await twice(() => b.content.open()));
  const files = new Map<string, Buffer>();
  if (inventory.files !== null) {
    const wanted = new Set(inventory.files.files.map((f) => f.path));
    for await (const fed of inventory.files.feed(wanted, signal)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await fed.open(signal)) chunks.push(chunk as Buffer);
      files.set(fed.file.path, Buffer.concat(chunks));
    }
  }
  return { inventory, calendars, taskLists, addressBooks, files, problems };
}

/** Unfolds (RFC 5545 §3.1) and returns the value of the first property `name` of a component. */
export function propertyOf(component: string, name: string): string | undefined {
  const lines = component.replace(/\r\n[ \t]/g, '').split('\r\n');
  const line = lines.find(
    (l) => l.toUpperCase().startsWith(`${name}:`) || l.toUpperCase().startsWith(`${name};`),
  );
  return line?.slice(line.indexOf(':') + 1);
}

/** The kind of a component's first line: VEVENT, VTODO, VTIMEZONE, VCARD. */
export function kindOf(component: string): string {
  return /^BEGIN:([A-Z-]+)/i.exec(component)?.[1]?.toUpperCase() ?? '';
}
