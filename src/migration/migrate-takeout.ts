// For callers that have an archive's paths rather than a source: open the Takeout as a Source
// (in the family's language, for the new collections' names), run the migration, close it.
import type { MigrationSelection } from '../contract/migrate.ts';
import { openTakeoutSource } from '../sources/takeout/open-takeout-source.ts';
import type { TakeoutSourceOptions } from '../sources/takeout/open-takeout-source.ts';
import type { MigrationDeps, MigrationOutcome } from './migration-types.ts';
import { runMigration } from './run-migration.ts';

export async function migrateTakeout(
  paths: readonly string[],
  selection: MigrationSelection,
  deps: MigrationDeps,
  options: Omit<TakeoutSourceOptions, 'signal' | 't'> = {},
): Promise<MigrationOutcome> {
  const source = await openTakeoutSource(paths, { ...options, signal: deps.signal, t: deps.t });
  try {
    return await runMigration(source, selection, deps);
  } finally {
    await source.close();
  }
}
