// A kind's row of a report with nothing in it: what report tests start from and change.
import type { KindReport } from '../../../src/contract/migrate.ts';

export const nothing: KindReport = {
  found: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
  verified: 0,
  missing: 0,
  bytes: 0,
  problems: [],
  left: [],
};
