// Where app passwords live. The engine only ever asks for a secret by the account it belongs to;
// the renderer never receives one (it gets the account reference). In Electron the vault keeps
// secrets encrypted with safeStorage (written in main/ later); the CLI and the tests use the
// in-memory vault below, which forgets everything when the process ends.

export interface SecretVault {
  put(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | undefined>;
  delete(account: string): Promise<boolean>;
  /** "Forget everything": the install-party volunteer's last step between two families. */
  clear(): Promise<void>;
}

/** The reference of an account: its server and login name, the way the vault files it. */
export function accountRef(server: string, loginName: string): string {
  return `${new URL(server).origin}${new URL(server).pathname.replace(/\/+$/, '')}|${loginName}`;
}

export class MemorySecretVault implements SecretVault {
  readonly #secrets = new Map<string, string>();

  put(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
    return Promise.resolve();
  }

  get(account: string): Promise<string | undefined> {
    return Promise.resolve(this.#secrets.get(account));
  }

  delete(account: string): Promise<boolean> {
    return Promise.resolve(this.#secrets.delete(account));
  }

  clear(): Promise<void> {
    this.#secrets.clear();
    return Promise.resolve();
  }
}
