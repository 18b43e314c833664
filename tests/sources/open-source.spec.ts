// openSource: a Takeout goes to the Takeout reader with its parts; another host's account must be
// one the family connected — never read with a guessed account — and is read with its own client.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/contract/index.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { openSource } from '../../src/sources/open-source.ts';
import type { OpenSourceDeps } from '../../src/sources/open-source.ts';
import type { Source } from '../../src/sources/source.ts';
import type { DavClient } from '../../src/dav/dav-client.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const account: Account = {
  accountId: 'old-host-camille',
  server: 'https://old.example.org/',
  username: 'camille',
  software: 'radicale',
  principal: null,
  calendarHome: 'https://old.example.org/camille/',
  addressbookHome: 'https://old.example.org/camille/',
  filesRoot: null,
  quota: null,
};

const takeout: Source = {
  kind: 'takeout',
  identity: [{ name: 'takeout-001.zip', size: 10 }],
  read: () => Promise.reject(new Error('not read in this test')),
  close: () => Promise.resolve(),
};

const clients: string[] = [];

function deps(opened: string[][], asked: string[]): OpenSourceDeps {
  return {
    openTakeout: (paths) => {
      opened.push([...paths]);
      return Promise.resolve(takeout);
    },
    openGoogle: (sessionId) => {
      asked.push(`google:${sessionId}`);
      return Promise.resolve(takeout);
    },
    account: (accountId) => {
      asked.push(accountId);
      return accountId === account.accountId
        ? Promise.resolve({ account, credentials: { username: 'camille', password: 'x' } })
        : Promise.reject(new BaluchonError('connect.unknown-account', { accountId }));
    },
    t: createI18n('fr').t,
    davClient: (credentials) => {
      clients.push(credentials.username);
      // Opening sends nothing: the source reads only when asked to (read()).
      return { username: credentials.username } as unknown as DavClient;
    },
  };
}

describe('openSource', () => {
  it('opens a Takeout with its parts, through the Takeout reader', async () => {
    const opened: string[][] = [];
    const source = await openSource(
      { kind: 'takeout', paths: ['/a/takeout-001.zip', '/a/takeout-002.zip'] },
      deps(opened, []),
    );
    expect(source).toBe(takeout);
    expect(opened).toEqual([['/a/takeout-001.zip', '/a/takeout-002.zip']]);
  });

  it('refuses an account the family did not connect, with the account’s own error', async () => {
    const asked: string[] = [];
    await expect(
      openSource({ kind: 'dav', accountId: 'never-connected' }, deps([], asked)),
    ).rejects.toMatchObject({ code: 'connect.unknown-account' });
    expect(asked).toEqual(['never-connected']);
  });

  it('opens a connected account as a DAV source, named by its server and user', async () => {
    const asked: string[] = [];
    clients.length = 0;
    const source = await openSource({ kind: 'dav', accountId: account.accountId }, deps([], asked));
    expect(source.kind).toBe('dav');
    expect(source.identity).toEqual([{ name: 'https://old.example.org/ (camille)', size: 0 }]);
    expect(asked).toEqual([account.accountId]);
    expect(clients).toEqual(['camille']);
  });
});
