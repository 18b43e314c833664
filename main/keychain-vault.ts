// App passwords kept with the OS keychain (Electron safeStorage: Keychain on macOS, DPAPI on
// Windows, libsecret/kwallet on Linux), so a move interrupted today can go on tomorrow without
// typing the password again. When the system offers no real keychain (safeStorage would only
// obfuscate), nothing is written to disk: passwords stay in memory for this session.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretVault } from '../src/connect/secret-vault.ts';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
  /** Linux only: 'basic_text' means no keychain, just a fixed obfuscation key. */
  getSelectedStorageBackend?(): string;
}

export class KeychainVault implements SecretVault {
  readonly #file: string;
  readonly #storage: SafeStorageLike;
  readonly #memory = new Map<string, string>();

  constructor(file: string, storage: SafeStorageLike) {
    this.#file = file;
    this.#storage = storage;
  }

  get persistent(): boolean {
    if (!this.#storage.isEncryptionAvailable()) return false;
    return this.#storage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  async put(account: string, secret: string): Promise<void> {
    if (!this.persistent) {
      this.#memory.set(account, secret);
      return;
    }
    const all = await this.#read();
    all[account] = this.#storage.encryptString(secret).toString('base64');
    await this.#write(all);
  }

  async get(account: string): Promise<string | undefined> {
    if (!this.persistent) return this.#memory.get(account);
    const stored = (await this.#read())[account];
    if (stored === undefined) return undefined;
    try {
      return this.#storage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // Encrypted by another user or keychain: as if it were not kept.
      return undefined;
    }
  }

  async delete(account: string): Promise<boolean> {
    const inMemory = this.#memory.delete(account);
    if (!this.persistent) return inMemory;
    const all = await this.#read();
    if (!(account in all)) return inMemory;
    await this.#write(Object.fromEntries(Object.entries(all).filter(([key]) => key !== account)));
    return true;
  }

  async clear(): Promise<void> {
    this.#memory.clear();
    await this.#write({});
  }

  async #read(): Promise<Record<string, string>> {
    const text = await readFile(this.#file, 'utf8').catch(() => undefined);
    if (text === undefined) return {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    } catch {
      return {};
    }
  }

  async #write(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.#file), { recursive: true, mode: 0o700 });
    const temporary = `${this.#file}.tmp`;
    await writeFile(temporary, JSON.stringify(all), { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.#file);
  }
}
