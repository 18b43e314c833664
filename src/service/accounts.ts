// The accounts the family connected to. The password never goes back to the renderer: later
// commands name the account by its id, and the password waits in the vault (in Electron,
// encrypted with the system's keychain, so an interrupted move can resume after a restart).
import { createHash } from 'node:crypto';
import { accountRef } from '../connect/secret-vault.ts';
import type { SecretVault } from '../connect/secret-vault.ts';
import type { Account } from '../contract/index.ts';
import type { Credentials } from '../dav/dav-client.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';

export function accountIdFor(server: string, username: string): string {
  // Stable across sessions, so an interrupted migration finds its account again.
  return createHash('sha256').update(`${server}\0${username}`).digest('hex').slice(0, 24);
}

export class AccountStore {
  readonly #accounts = new Map<string, Account>();
  readonly #vault: SecretVault;

  constructor(vault: SecretVault) {
    this.#vault = vault;
  }

  /** The password to use for an account: the one typed, else the one kept in the vault. */
  async password(server: string, username: string, typed: string | undefined): Promise<string> {
    if (typed !== undefined) return typed;
    const kept = await this.#vault.get(accountRef(server, username));
    if (kept === undefined) throw new BaluchonError('connect.password-needed', { username });
    return kept;
  }

  async add(account: Account, credentials: Credentials): Promise<void> {
    this.#accounts.set(account.accountId, account);
    await this.#vault.put(accountRef(account.server, account.username), credentials.password);
  }

  async get(accountId: string): Promise<{ account: Account; credentials: Credentials }> {
    const account = this.#accounts.get(accountId);
    if (account === undefined) throw new BaluchonError('connect.unknown-account', { accountId });
    const password = await this.#vault.get(accountRef(account.server, account.username));
    if (password === undefined) throw new BaluchonError('connect.unknown-account', { accountId });
    return { account, credentials: { username: account.username, password } };
  }

  /** Remembers an account seen in an earlier session (its password may be in the vault). */
  remember(account: Account): void {
    this.#accounts.set(account.accountId, account);
  }

  clear(): void {
    this.#accounts.clear();
  }
}
