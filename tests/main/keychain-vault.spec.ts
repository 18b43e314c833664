import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeychainVault } from '../../main/keychain-vault.ts';
import type { SafeStorageLike } from '../../main/keychain-vault.ts';

/** A stand-in for the OS keychain: reversible, and visibly not the plain text. */
function keychain(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const flip = (buffer: Buffer): Buffer => Buffer.from(buffer.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => flip(Buffer.from(`enc:${text}`)),
    decryptString: (data) => flip(data).toString().slice(4),
    getSelectedStorageBackend: () => backend,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baluchon-vault-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('KeychainVault', () => {
  it('keeps app passwords encrypted on disk, readable by the owner only, across restarts', async () => {
    const file = join(dir, 'secrets.json');
    await new KeychainVault(file, keychain()).put('https://cloud.example|anne', 'app-pass-1234');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('app-pass-1234');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // A new vault (the app started again) reads it back.
    expect(await new KeychainVault(file, keychain()).get('https://cloud.example|anne')).toBe(
      'app-pass-1234',
    );
  });

  it('writes nothing to disk when the system has no real keychain', async () => {
    const file = join(dir, 'secrets.json');
    for (const storage of [keychain('basic_text'), keychain('gnome_libsecret', false)]) {
      const vault = new KeychainVault(file, storage);
      await vault.put('a', 'secret');
      expect(await vault.get('a')).toBe('secret');
      await expect(stat(file)).rejects.toThrow();
    }
  });

  it('forgets one account, or everything', async () => {
    const file = join(dir, 'secrets.json');
    const vault = new KeychainVault(file, keychain());
    await vault.put('a', '1');
    await vault.put('b', '2');
    expect(await vault.delete('a')).toBe(true);
    expect(await vault.get('a')).toBeUndefined();
    expect(await vault.get('b')).toBe('2');
    await vault.clear();
    expect(await vault.get('b')).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe('{}');
  });

  it('treats a damaged file as empty rather than failing the move', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, '{not json');
    const vault = new KeychainVault(file, keychain());
    expect(await vault.get('a')).toBeUndefined();
    await vault.put('a', '1');
    expect(await vault.get('a')).toBe('1');
  });
});
