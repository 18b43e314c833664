// What the app needs to offer "go on with the move" after it was closed: which archive parts,
// which account, what was chosen. The journal knows the items; this small file knows the rest.
// Kept in the data folder, removed once a move has finished, gone with "Forget everything".
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Account, MigrationSelection } from '../contract/index.ts';

export const UnfinishedMove = z.object({
  /** A Takeout's parts (empty when the data comes from another host's account). */
  paths: z.array(z.string()),
  /** Another host's account the data is read from (absent: the Takeout of `paths`). */
  sourceAccount: Account.optional(),
  /**
   * A Google account signed in to (the live way): its session lives only as long as the
   * service, so after a restart the family signs in again to go on.
   */
  sourceGoogle: z.object({ sessionId: z.string(), email: z.string().nullable() }).optional(),
  account: Account,
  /** The second account that takes the files, when there is one. */
  filesAccount: Account.optional(),
  selection: MigrationSelection,
  stateDir: z.string(),
  startedAt: z.string(),
});
export type UnfinishedMove = z.infer<typeof UnfinishedMove>;

const FileSchema = z.object({ version: z.literal(1), moves: z.array(UnfinishedMove) });

export class UnfinishedMoves {
  readonly #file: string;

  constructor(dataDir: string) {
    this.#file = join(dataDir, 'unfinished-moves.json');
  }

  async list(): Promise<UnfinishedMove[]> {
    const text = await readFile(this.#file, 'utf8').catch(() => undefined);
    if (text === undefined) return [];
    try {
      const parsed = FileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.moves : [];
    } catch {
      // A damaged file only costs the offer to resume; the journal still has everything.
      return [];
    }
  }

  /** Remembers a move (one per account: a newer one replaces it). */
  async remember(move: UnfinishedMove): Promise<void> {
    const moves = (await this.list()).filter(
      (other) => other.account.accountId !== move.account.accountId,
    );
    await this.#write([...moves, move]);
  }

  async forget(accountId: string): Promise<void> {
    const moves = await this.list();
    const kept = moves.filter((move) => move.account.accountId !== accountId);
    if (kept.length !== moves.length) await this.#write(kept);
  }

  async #write(moves: UnfinishedMove[]): Promise<void> {
    await mkdir(join(this.#file, '..'), { recursive: true, mode: 0o700 });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ version: 1, moves }), { mode: 0o600 });
    // One rename: a crash leaves the old file or the new one, never half of one.
    await rename(temporary, this.#file);
  }
}
