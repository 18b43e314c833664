// The planners as a table: one row per kind — where its collections live on the account, the
// problem told when the account has no place for them, how much of the source the family left
// out, and how its jobs are planned from the source's inventory. planJobs (plan-jobs.ts) walks
// the rows; adding a kind is adding a row.
import type { Account } from '../contract/connect.ts';
import type {
  MigrationKind,
  MigrationSelection,
  NoteFacts,
  PhotoFacts,
} from '../contract/migrate.ts';
import type { ProblemFact } from '../contract/problem.ts';
import type { DavClient } from '../dav/dav-client.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { Journal } from '../journal/journal.ts';
import type { Target } from '../journal/types.ts';
import type { SourceCalendar, SourceInventory } from '../sources/source.ts';
import type { FetchLike } from '../net/fetch-like.ts';
import type { CollectionJob } from './collection-job.ts';
import { planCalendarJobs, planTaskJobs } from './plan-calendar-jobs.ts';
import type { HolidayFeed } from './plan-calendar-jobs.ts';
import { planContactJob } from './plan-contact-jobs.ts';
import { planFileJob } from './plan-file-job.ts';
import type { FilesAccountContext } from './plan-file-job.ts';
import { planNoteJob } from './plan-note-job.ts';
import { planPhotoJob } from './plan-photo-job.ts';
import { nextcloudServerAlbums } from './server-albums.ts';

/** What one kind's planner adds to the plan, besides its jobs. */
interface KindPlan {
  readonly jobs: CollectionJob[];
  readonly birthdaysLeftOut?: boolean;
  readonly holidayFeeds?: HolidayFeed[] | null;
  readonly documents?: { count: number; byFormat: Record<string, number> };
  readonly bytes?: number;
  readonly photoFacts?: () => PhotoFacts;
  readonly noteFacts?: () => NoteFacts;
}

/** What a planner is given: the account (or the files account) and the run's machinery. */
interface PlannerContext {
  readonly account: Account;
  readonly client: DavClient;
  readonly home: string;
  readonly t: Translator;
  readonly signal: AbortSignal;
  readonly selection: MigrationSelection;
  readonly onProblem: (problem: ProblemFact) => void;
  readonly fetchPhoto?: FetchLike;
  readonly journal: Journal;
  readonly target: Target;
  readonly retry: RetryDeps;
  readonly retryPolicy?: RetryPolicy;
  readonly timeZone: string;
}

/** How much of a kind: items, and bytes for files (null: not a size the report tells). */
export interface Amount {
  readonly count: number;
  readonly bytes: number | null;
}

export interface KindPlanner {
  readonly kind: MigrationKind;
  /** The problem told when the account has no home for this kind. */
  readonly noPlaceCode: string;
  /** Where this kind's collections are made on the account (null: nowhere). */
  home(account: Account): string | null;
  /** Whether the family asked for something of this kind that the source holds. */
  wanted(inventory: SourceInventory, selection: MigrationSelection): boolean;
  /** The items of this kind the family chose (`true`) or left out (`false`). */
  amount(inventory: SourceInventory, selection: MigrationSelection, chosen: boolean): Amount;
  plan(inventory: SourceInventory, context: PlannerContext): Promise<KindPlan>;
  /** Files may go to a second account (MigrationDeps.files). */
  readonly ownAccount?: boolean;
}

const isChosen = (calendar: SourceCalendar, selection: MigrationSelection): boolean =>
  selection.calendars === undefined || selection.calendars.includes(calendar.key);

/** A kind chosen as a whole (tasks, contacts, files): all of it, or nothing. */
const whole = (chosen: boolean, asked: boolean, amount: Amount): Amount =>
  chosen === asked ? amount : { count: 0, bytes: amount.bytes === null ? null : 0 };

/** The files account as the tree planners (Drive, photos, notes) are given it. */
function filesAccount(context: PlannerContext): FilesAccountContext {
  return {
    client: context.client,
    filesRoot: context.home,
    nextcloud: context.account.software === 'nextcloud',
    retry: context.retry,
    ...(context.retryPolicy === undefined ? {} : { retryPolicy: context.retryPolicy }),
    journal: context.journal,
    target: context.target,
    t: context.t,
    signal: context.signal,
    onProblem: context.onProblem,
  };
}

export const kindPlanners: readonly KindPlanner[] = [
  {
    kind: 'calendars',
    noPlaceCode: 'migration.no-calendars-here',
    home: (account) => account.calendarHome,
    wanted: (inventory, selection) =>
      inventory.calendars.some((calendar) => isChosen(calendar, selection)),
    // Counted from the source's inventory: a calendar that is not sent has no rows in the journal.
    amount: (inventory, selection, chosen) => ({
      count: inventory.calendars
        .filter(
          (calendar) =>
            calendar.identity.role === 'ordinary' && isChosen(calendar, selection) === chosen,
        )
        .reduce((sum, calendar) => sum + calendar.count, 0),
      bytes: null,
    }),
    plan: (inventory, context) =>
      planCalendarJobs({
        calendars: inventory.calendars.filter((calendar) => isChosen(calendar, context.selection)),
        client: context.client,
        home: context.home,
        signal: context.signal,
      }),
  },
  {
    kind: 'tasks',
    noPlaceCode: 'migration.no-tasks-here',
    home: (account) => account.calendarHome,
    wanted: (inventory, selection) =>
      selection.tasks && inventory.taskLists.length > 0 && inventory.facts.tasks.count > 0,
    amount: (inventory, selection, chosen) =>
      whole(chosen, selection.tasks, { count: inventory.facts.tasks.count, bytes: null }),
    // A task the source could not read is a skipped item of its list (told when sent).
    plan: async (inventory, context) => ({
      jobs: await planTaskJobs({
        taskLists: inventory.taskLists,
        client: context.client,
        home: context.home,
        signal: context.signal,
      }),
    }),
  },
  {
    kind: 'contacts',
    noPlaceCode: 'migration.no-contacts-here',
    home: (account) => account.addressbookHome,
    wanted: (inventory, selection) => selection.contacts && inventory.addressBooks.length > 0,
    amount: (inventory, selection, chosen) =>
      whole(chosen, selection.contacts, { count: inventory.facts.contacts.count, bytes: null }),
    plan: async (inventory, context) => {
      const jobs: CollectionJob[] = [];
      for (const book of inventory.addressBooks) {
        const job = await planContactJob({
          book,
          client: context.client,
          home: context.home,
          t: context.t,
          signal: context.signal,
          ...(context.fetchPhoto === undefined ? {} : { fetchPhoto: context.fetchPhoto }),
          otherContacts: context.selection.otherContacts,
        });
        if (job !== null) jobs.push(job);
      }
      return { jobs };
    },
  },
  {
    kind: 'files',
    noPlaceCode: 'migration.no-files-here',
    ownAccount: true,
    home: (account) => account.filesRoot,
    wanted: (inventory, selection) =>
      selection.files && inventory.files !== null && inventory.files.files.length > 0,
    amount: (inventory, selection, chosen) => {
      const files = inventory.facts.files;
      return whole(chosen, selection.files, {
        count: files.count + files.cannotMove.length,
        bytes: files.bytes,
      });
    },
    plan: async (inventory, context) => {
      if (inventory.files === null) return { jobs: [] };
      const plan = await planFileJob({ ...filesAccount(context), files: inventory.files });
      return { jobs: [plan.job], bytes: plan.bytes, documents: plan.documents };
    },
  },
  {
    kind: 'photos',
    noPlaceCode: 'migration.no-photos-here',
    ownAccount: true,
    home: (account) => account.filesRoot,
    wanted: (inventory, selection) =>
      selection.photos && (inventory.photos?.photos.length ?? 0) > 0,
    // Edited copies the family chose not to keep are left out by their choice, like a kind.
    amount: (inventory, selection, chosen) => {
      const photos = inventory.photos?.photos ?? [];
      const counted = photos.filter((photo) => {
        const taken = selection.photos && (selection.editedPhotos || photo.editedOf === null);
        return taken === chosen;
      });
      return {
        count: counted.length,
        bytes: counted.reduce((sum, photo) => sum + photo.size, 0),
      };
    },
    plan: async (inventory, context) => {
      if (inventory.photos === null) return { jobs: [] };
      const { client, home } = context;
      const plan = await planPhotoJob(filesAccount(context), {
        photos: inventory.photos,
        editedPhotos: context.selection.editedPhotos,
        folderName: context.selection.photosFolder,
        timeZone: context.timeZone,
        // Nextcloud's Photos app keeps albums; elsewhere they become lists.
        openAlbums:
          context.account.software === 'nextcloud'
            ? (signal) => nextcloudServerAlbums(client, home, signal)
            : null,
      });
      return { jobs: [plan.job], bytes: plan.bytes, photoFacts: () => plan.facts() };
    },
  },
  {
    kind: 'notes',
    noPlaceCode: 'migration.no-notes-here',
    ownAccount: true,
    home: (account) => account.filesRoot,
    wanted: (inventory, selection) => selection.notes && (inventory.notes?.notes.length ?? 0) > 0,
    amount: (inventory, selection, chosen) =>
      whole(chosen, selection.notes, { count: inventory.notes?.notes.length ?? 0, bytes: null }),
    plan: async (inventory, context) => {
      if (inventory.notes === null) return { jobs: [] };
      const plan = await planNoteJob(filesAccount(context), {
        notes: inventory.notes,
        folderName: context.selection.notesFolder,
      });
      return { jobs: [plan.job], bytes: plan.bytes, noteFacts: () => plan.facts() };
    },
  },
];

/** The kinds that go to the files account when the family has one (MigrationDeps.files). */
export const filesAccountKinds: ReadonlySet<MigrationKind> = new Set(
  kindPlanners.filter((planner) => planner.ownAccount === true).map((planner) => planner.kind),
);
