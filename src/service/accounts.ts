// The accounts the family connected to during this session. The password never goes back to
// the renderer: later commands name the account by its id.
import { createHash } from 'node:crypto';
import type { Account } from '../contract/index.ts';
import type { Credentials } from '../dav/dav-client.ts';
import { BaluchonError } from './baluchon-error.ts';

export function accountIdFor(server: string, username: string): string {
  // Stable across sessions, so an interrupted migration finds its account again.
  return createHash('sha256').update(`${server}\0${username}`).digest('hex').slice(0, 24);
}

export class AccountStore {
  readonly #accounts = new Map<string, { account: Account; credentials: Credentials }>();

  add(account: Account, credentials: Credentials): void {
    this.#accounts.set(account.accountId, { account, credentials });
  }

  get(accountId: string): { account: Account; credentials: Credentials } {
    const found = this.#accounts.get(accountId);
    if (found === undefined) throw new BaluchonError('connect.unknown-account', { accountId });
    return found;
  }

  clear(): void {
    this.#accounts.clear();
  }
}
