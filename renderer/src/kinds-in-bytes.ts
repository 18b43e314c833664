// Kinds whose items differ much in size (a note of a few words, a video of a gigabyte): their
// progress follows the bytes, not the count, on Moving and in the paused view alike.
import type { MigrationKind } from '../../src/contract/index.ts';

export const kindsInBytes: ReadonlySet<MigrationKind> = new Set(['files', 'photos', 'notes']);
