// The Google accounts the family signed in to during this session, and which Google client signs
// them in. The refresh token waits in the vault (Electron: the OS keychain, src/connect/
// secret-vault.ts), never in a file in clear and never sent to the renderer; the rest (e-mail,
// granted products) is kept in memory. "Tout oublier" revokes every token at Google, then erases.
import type { SecretVault } from '../connect/secret-vault.ts';
import type { GoogleAvailability, GoogleSession } from '../contract/google.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { GoogleProduct } from '../google/google-products.ts';
import { resolveGoogleClient } from '../google/client-id.ts';
import type { GoogleClientChoice } from '../google/client-id.ts';

interface Held {
  readonly session: GoogleSession;
  readonly client: GoogleClientChoice;
}

export interface SignedIn {
  readonly session: GoogleSession;
  readonly client: GoogleClientChoice;
  readonly refreshToken: string;
}

export class GoogleSessions {
  readonly #sessions = new Map<string, Held>();
  readonly #vault: SecretVault;
  readonly #env: Readonly<Record<string, string | undefined>>;
  #typed: { clientId: string; clientSecret: string | null } | null = null;
  #provisioned: { clientId: string; clientSecret: string | null } | null = null;

  constructor(vault: SecretVault, env: Readonly<Record<string, string | undefined>>) {
    this.#vault = vault;
    this.#env = env;
  }

  /** The client that signs families in here, in the order; null: the live way is hidden. */
  client(): GoogleClientChoice | null {
    return resolveGoogleClient({
      provisioning: this.#provisioned,
      env: this.#env,
      typed: this.#typed,
    });
  }

  availability(): GoogleAvailability {
    const client = this.client();
    return { available: client !== null, from: client?.from ?? null };
  }

  /** A host's provisioning file named its own Google client. */
  provisioned(client: { clientId: string; clientSecret: string | null } | null): void {
    this.#provisioned = client;
  }

  /** A volunteer typed one in the Advanced panel (checked by resolveGoogleClient). */
  typed(client: { clientId: string; clientSecret: string | null }): GoogleAvailability {
    const previous = this.#typed;
    this.#typed = client;
    const resolved = this.client();
    if (resolved === null || (resolved.from === 'typed' && resolved.clientId !== client.clientId)) {
      this.#typed = previous;
      throw new BaluchonError('google.bad-client-id', { clientId: client.clientId.slice(0, 200) });
    }
    return this.availability();
  }

  async add(
    sessionId: string,
    grant: { email: string | null; products: readonly GoogleProduct[]; refreshToken: string },
    client: GoogleClientChoice,
  ): Promise<GoogleSession> {
    const session: GoogleSession = {
      sessionId,
      email: grant.email,
      products: [...grant.products],
    };
    await this.#vault.put(vaultRef(sessionId), grant.refreshToken);
    this.#sessions.set(sessionId, { session, client });
    return session;
  }

  async get(sessionId: string): Promise<SignedIn> {
    const held = this.#sessions.get(sessionId);
    const refreshToken =
      held === undefined ? undefined : await this.#vault.get(vaultRef(sessionId));
    if (held === undefined || refreshToken === undefined) {
      throw new BaluchonError('google.signed-out', { sessionId: sessionId.slice(0, 80) });
    }
    return { ...held, refreshToken };
  }

  /**
   * Every session, for "Tout oublier": revoked at Google by `revoke` (an offline computer or a
   * token Google already dropped must not stop the forgetting), then erased here and in the vault.
   */
  async forgetAll(revoke: (signedIn: SignedIn) => Promise<void>): Promise<number> {
    let revoked = 0;
    for (const sessionId of [...this.#sessions.keys()]) {
      try {
        await revoke(await this.get(sessionId));
        revoked += 1;
      } catch {
        // Forgotten here all the same; the family can also remove access in their Google
        // account's security page ("Third-party apps with account access").
      }
      await this.#vault.delete(vaultRef(sessionId));
      this.#sessions.delete(sessionId);
    }
    this.#typed = null;
    return revoked;
  }
}

function vaultRef(sessionId: string): string {
  return `google|${sessionId}`;
}
