// Where the family's data comes from, in a form that travels (IPC, HTTP, the CLI, the list of
// unfinished moves): a Google Takeout's parts, or another host's account already connected and
// named by its id (the password stays in the vault, src/service/accounts.ts). The schema lives in
// the contract (src/contract/scan.ts) because it crosses the service boundary; this module is
// where the rest of src/ reads it from.
import type { SourceSpec } from '../contract/scan.ts';

export type { SourceSpec };

/**
 * The one source a `startScan` or `startMigration` names: its `source`, else the older `paths`
 * (a Takeout's parts). The contract's schema already refused neither and both.
 */
export function sourceSpecOf(input: {
  readonly paths?: readonly string[] | undefined;
  readonly source?: SourceSpec | undefined;
}): SourceSpec {
  if (input.source !== undefined) return input.source;
  return { kind: 'takeout', paths: [...(input.paths ?? [])] };
}
