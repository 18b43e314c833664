// The plan of one run, from the source's inventory only: for each row of the planner table
// (kind-planners.ts) what the family left out, whether the account has a place for the kind,
// and the jobs. Nothing here knows where the items come from (archive, server, API).
import type {
  MigrationKind,
  MigrationSelection,
  NoteFacts,
  PhotoFacts,
} from '../contract/migrate.ts';
import type { Target } from '../journal/types.ts';
import type { SourceInventory } from '../sources/source.ts';
import type { CollectionJob } from './collection-job.ts';
import { kindPlanners } from './kind-planners.ts';
import type { Amount } from './kind-planners.ts';
import type { HolidayFeed } from './plan-calendar-jobs.ts';
import type { LeftWhole, MigrationDeps } from './migration-types.ts';

export interface JobsPlan {
  jobs: CollectionJob[];
  kinds: MigrationKind[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
  documents: { count: number; byFormat: Record<string, number> } | null;
  /** Read once the jobs have run (albums made, dates kept): what the photos and notes became. */
  photoFacts: (() => PhotoFacts) | null;
  noteFacts: (() => NoteFacts) | null;
  bytes: Partial<Record<MigrationKind, number>>;
  leftWhole: Record<MigrationKind, LeftWhole[]>;
}

export async function planJobs(
  inventory: SourceInventory,
  selection: MigrationSelection,
  deps: MigrationDeps,
  targets: { main: Target; files: Target },
): Promise<JobsPlan> {
  const plan: JobsPlan = {
    jobs: [],
    kinds: [],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    photoFacts: null,
    noteFacts: null,
    bytes: {},
    leftWhole: { calendars: [], tasks: [], contacts: [], files: [], photos: [], notes: [] },
  };
  const leave = (kind: MigrationKind, reason: LeftWhole['reason'], amount: Amount): void => {
    if (amount.count > 0) plan.leftWhole[kind].push({ reason, ...amount });
  };
  for (const planner of kindPlanners) {
    const { kind } = planner;
    leave(kind, 'not-chosen', planner.amount(inventory, selection, false));
    if (!planner.wanted(inventory, selection)) continue;
    plan.kinds.push(kind);
    const own = planner.ownAccount === true ? deps.files : undefined;
    const { account, client } = own ?? deps;
    const home = planner.home(account);
    if (home === null) {
      const where = account.server;
      deps.onProblem(kind, { code: planner.noPlaceCode, where, params: { where } });
      leave(kind, 'no-place', planner.amount(inventory, selection, true));
      continue;
    }
    for (const told of inventory.kindProblems ?? []) {
      if (told.kind === kind) deps.onProblem(kind, told.problem);
    }
    const result = await planner.plan(inventory, {
      account,
      client,
      home,
      t: deps.t,
      signal: deps.signal,
      selection,
      onProblem: (problem) => {
        deps.onProblem(kind, problem);
      },
      ...(deps.fetchPhoto === undefined ? {} : { fetchPhoto: deps.fetchPhoto }),
      journal: deps.journal,
      target: own === undefined ? targets.main : targets.files,
      retry: deps.retry,
      ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
      timeZone: deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    plan.jobs.push(...result.jobs);
    if (result.birthdaysLeftOut === true) plan.birthdaysLeftOut = true;
    if (result.holidayFeeds !== undefined) plan.holidayFeeds = result.holidayFeeds;
    if (result.documents !== undefined) plan.documents = result.documents;
    if (result.photoFacts !== undefined) plan.photoFacts = result.photoFacts;
    if (result.noteFacts !== undefined) plan.noteFacts = result.noteFacts;
    if (result.bytes !== undefined) plan.bytes[kind] = result.bytes;
  }
  return plan;
}
