// Opens the place a SourceSpec names as a Source (src/sources/source.ts), the one port the scan
// and the migration read through. The readers themselves come in as dependencies so that this
// leaf layer never reaches into the service (which holds the accounts and the DAV runtime).
import type { Account } from '../contract/connect.ts';
import type { Credentials, DavClient } from '../dav/dav-client.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { withArrivalNames } from './arrival-names.ts';
import { openDavSource } from './dav/open-dav-source.ts';
import type { Source } from './source.ts';
import type { SourceSpec } from './source-spec.ts';

export interface OpenSourceDeps {
  /** A Takeout's parts as a Source (the Takeout reader of src/takeout, behind the port). */
  openTakeout(paths: readonly string[]): Promise<Source>;
  /**
   * A connected account and its password, by id (the service's AccountStore.get): the source
   * account is connected exactly as a destination is, through `connect`.
   */
  account(accountId: string): Promise<{ account: Account; credentials: Credentials }>;
  /** A client for that account (the service's DAV runtime: retries, timeouts, user agent). */
  davClient(credentials: Credentials): DavClient;
  /** A Google account the family signed in to, by session id, as a source (src/sources/google). */
  openGoogle(sessionId: string, sharedWithMe: boolean): Promise<Source>;
  /** The family's language: new collections' names say where they came from in it. */
  readonly t: Translator;
}

export async function openSource(spec: SourceSpec, deps: OpenSourceDeps): Promise<Source> {
  switch (spec.kind) {
    case 'takeout':
      return deps.openTakeout(spec.paths);
    case 'google':
      return deps.openGoogle(spec.sessionId, spec.sharedWithMe ?? false);
    case 'dav': {
      // The account must be one the family connected (an unknown id is refused here, before
      // anything is read); its homes come from that connection's discovery.
      const { account, credentials } = await deps.account(spec.accountId);
      const suffix = deps.t('migration:sources.previous-host-suffix');
      return withArrivalNames(
        openDavSource({
          client: deps.davClient(credentials),
          server: account.server,
          homes: account,
        }),
        {
          collection: (name) => `${name} ${suffix}`,
          filesFolder: deps.t('migration:sources.previous-host-files'),
        },
      );
    }
  }
}
