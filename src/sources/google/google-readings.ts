// What each product's reader of the live Google source hands back, assembled into one
// SourceInventory by open-google-source.ts. Each reader pages through its API once (through
// GoogleApiContext.call), keeps what the planners need and reports what it could not read,
// naming the item, through `onProblem`; one bad item never stops the others.
import type { ProblemFact } from '../../contract/problem.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import type { GoogleApiContext } from '../../google/google-api-context.ts';
import type {
  InventoryFacts,
  SourceAddressBook,
  SourceCalendar,
  SourceFiles,
  SourceTaskList,
} from '../source.ts';

export interface GoogleReadOptions {
  readonly api: GoogleApiContext;
  readonly t: Translator;
  readonly onProblem: (problem: ProblemFact) => void;
  /** Items read so far in this product (the scan's progress). */
  readonly onItems?: (count: number) => void;
}

/** src/sources/google/calendar/read-google-calendars.ts: `readGoogleCalendars(options)`. */
export interface GoogleCalendarsReading {
  /**
   * Every calendar of the list, the generated ones (birthdays, holidays) included with their
   * identity's role, exactly as the Takeout reader hands them (the planner skips them).
   */
  readonly calendars: readonly SourceCalendar[];
  /** As "What we found" shows them (generated: 'birthdays' | 'holidays' | null). */
  readonly facts: InventoryFacts['calendars'];
}

/** src/sources/google/tasks/read-google-tasks.ts: `readGoogleTasks(options)`. */
export interface GoogleTasksReading {
  readonly taskLists: readonly SourceTaskList[];
  readonly facts: InventoryFacts['tasks'];
}

/** src/sources/google/contacts/read-google-contacts.ts: `readGoogleContacts(options & { otherContacts })`. */
export interface GoogleContactsReading {
  /** The saved contacts' book, and Google's "other contacts" apart when asked for. */
  readonly addressBooks: readonly SourceAddressBook[];
  readonly facts: InventoryFacts['contacts'];
}

/** src/sources/google/drive/read-google-drive.ts: `readGoogleDrive(options & { sharedWithMe })`. */
export interface GoogleDriveReading {
  readonly files: SourceFiles;
  readonly facts: InventoryFacts['files'];
}
