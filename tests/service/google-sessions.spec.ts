// The Google sessions the service keeps: the whole session waits in the vault (so a desktop
// restart keeps it, with the keychain vault), is found again by id, and "Tout oublier" revokes
// each grant and erases every trace, even when Google cannot be reached.
import { describe, expect, it } from 'vitest';
import { MemorySecretVault } from '../../src/connect/secret-vault.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { GoogleSessions } from '../../src/service/google-sessions.ts';

const CLIENT = '123456789012-abcdefghijklmnop.apps.googleusercontent.com';

describe('GoogleSessions', () => {
  it('keeps a session in the vault, found again by a new store on the same vault', async () => {
    const vault = new MemorySecretVault();
    const sessions = new GoogleSessions(vault, { BALUCHON_GOOGLE_CLIENT_ID: CLIENT });
    const client = sessions.client();
    expect(client?.from).toBe('environment');
    if (client === null) throw new Error('no client');
    await sessions.add(
      's1',
      { email: 'camille@example.com', products: ['calendar'], refreshToken: '1//refresh' },
      client,
    );
    const again = new GoogleSessions(vault, {});
    const signedIn = await again.get('s1');
    expect(signedIn.session).toEqual({
      sessionId: 's1',
      email: 'camille@example.com',
      products: ['calendar'],
    });
    expect(signedIn.refreshToken).toBe('1//refresh');
    expect(signedIn.client.clientId).toBe(CLIENT);
  });

  it('refuses an unknown session with google.signed-out', async () => {
    const sessions = new GoogleSessions(new MemorySecretVault(), {});
    await expect(sessions.get('nope')).rejects.toSatisfy(
      (error) => error instanceof BaluchonError && error.code === 'google.signed-out',
    );
  });

  it('is not available without a client, and refuses a client id of the wrong shape', () => {
    const sessions = new GoogleSessions(new MemorySecretVault(), {});
    expect(sessions.availability()).toEqual({ available: false, from: null });
    expect(() => sessions.typed({ clientId: 'not-a-client', clientSecret: null })).toThrow(
      BaluchonError,
    );
    expect(sessions.availability().available).toBe(false);
    expect(sessions.typed({ clientId: CLIENT, clientSecret: null })).toEqual({
      available: true,
      from: 'typed',
    });
  });

  it('forgets every session: each revoked, erased even when revoking fails', async () => {
    const vault = new MemorySecretVault();
    const sessions = new GoogleSessions(vault, { BALUCHON_GOOGLE_CLIENT_ID: CLIENT });
    const client = sessions.client();
    if (client === null) throw new Error('no client');
    for (const id of ['a', 'b']) {
      await sessions.add(
        id,
        { email: null, products: ['drive'], refreshToken: `rt-${id}` },
        client,
      );
    }
    const revoked: string[] = [];
    const count = await sessions.forgetAll((signedIn) => {
      revoked.push(signedIn.refreshToken);
      return signedIn.refreshToken === 'rt-b'
        ? Promise.reject(new Error('offline'))
        : Promise.resolve();
    });
    expect(revoked).toEqual(['rt-a', 'rt-b']);
    expect(count).toBe(1);
    for (const id of ['a', 'b']) await expect(sessions.get(id)).rejects.toThrow();
    expect(await vault.get('google|sessions')).toBeUndefined();
  });
});
