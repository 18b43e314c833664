// The report of the last move that ran to its end, kept in the data folder so that Welcome can
// show it again after the page or the app was closed ("see the report of the last move"), until
// the family forgets everything. A paused move is not kept here: Welcome offers to go on instead.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Account, MigrationReport } from '../contract/index.ts';

export const lastMoveFileName = 'last-move.json';

// A report saved before the source was recorded came from a Takeout (the only source then).
const SavedReport = MigrationReport.extend({
  source: MigrationReport.shape.source.default({ kind: 'takeout', name: '' }),
});
const FileSchema = z.object({ version: z.literal(1), account: Account, report: SavedReport });
export type LastMoveRecord = Omit<z.infer<typeof FileSchema>, 'version'>;

export class LastMoveFile {
  readonly #file: string;

  constructor(dataDir: string) {
    this.#file = join(dataDir, lastMoveFileName);
  }

  async read(): Promise<LastMoveRecord | null> {
    const text = await readFile(this.#file, 'utf8').catch(() => undefined);
    if (text === undefined) return null;
    try {
      const parsed = FileSchema.safeParse(JSON.parse(text));
      // A damaged or older file only costs the link on Welcome; the saved HTML report remains.
      return parsed.success ? { account: parsed.data.account, report: parsed.data.report } : null;
    } catch {
      return null;
    }
  }

  async save(record: LastMoveRecord): Promise<void> {
    await mkdir(join(this.#file, '..'), { recursive: true, mode: 0o700 });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ version: 1, ...record }), { mode: 0o600 });
    // One rename: a crash leaves the old file or the new one, never half of one.
    await rename(temporary, this.#file);
  }
}
