// The names a source's collections take on the new account. Moving from another host, the new
// calendars, task lists, address books and files folder say where they came from ("Famille
// (ancien hébergeur)"), as a Takeout's say "(importé de Google)": the family tells them from
// what was already there, and "undo this import" removes only them. What "What we found" shows
// (the facts) keeps the names the family knows.
import type { Source, SourceInventory } from './source.ts';

export interface ArrivalNames {
  /** A collection's name on arrival, from its name at the source. */
  collection(name: string): string;
  /** The folder the source's files tree goes to. */
  readonly filesFolder: string;
}

export function withArrivalNames(source: Source, names: ArrivalNames): Source {
  let renamed: Promise<SourceInventory> | undefined;
  return {
    kind: source.kind,
    identity: source.identity,
    read: (options) =>
      (renamed ??= source.read(options).then((inventory) => rename(inventory, names))),
    close: () => source.close(),
  };
}

function rename(inventory: SourceInventory, names: ArrivalNames): SourceInventory {
  return {
    ...inventory,
    calendars: inventory.calendars.map((calendar) => ({
      ...calendar,
      displayName: names.collection(calendar.displayName),
      identity: {
        ...calendar.identity,
        displayName: names.collection(calendar.identity.displayName),
      },
    })),
    taskLists: inventory.taskLists.map((list) => ({
      ...list,
      displayName: names.collection(list.displayName),
    })),
    addressBooks: inventory.addressBooks.map((book) => ({
      ...book,
      displayName: names.collection(book.displayName),
    })),
    files: inventory.files === null ? null : { ...inventory.files, folderName: names.filesFolder },
  };
}
