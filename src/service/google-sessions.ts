// The Google accounts the family signed in to, and which Google client signs them in. Each
// session (refresh token, e-mail, granted products, the client that got it) waits in the vault —
// in Electron the OS keychain (src/connect/secret-vault.ts, main/keychain-vault.ts), so a move
// read from Google resumes after a restart without signing in again; in the CLI and web mode,
// memory only. Never in a file in clear, never sent to the renderer. "Tout oublier" revokes each
// grant at Google, then erases it.
import { z } from 'zod';
import type { SecretVault } from '../connect/secret-vault.ts';
import type { GoogleAvailability, GoogleSession } from '../contract/google.ts';
import { GoogleSession as GoogleSessionSchema } from '../contract/google.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { GoogleProduct } from '../google/google-products.ts';
import { resolveGoogleClient } from '../google/client-id.ts';
import type { GoogleClientChoice } from '../google/client-id.ts';

const Kept = z.object({
  session: GoogleSessionSchema,
  client: z.object({
    clientId: z.string(),
    clientSecret: z.string().nullable(),
    from: z.enum(['provisioning', 'environment', 'typed']),
  }),
  refreshToken: z.string().min(1),
});

/** The vault's entry listing the sessions kept, so "Tout oublier" finds them after a restart. */
const INDEX = 'google|sessions';

export interface SignedIn {
  readonly session: GoogleSession;
  readonly client: GoogleClientChoice;
  readonly refreshToken: string;
}

export class GoogleSessions {
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
    const kept: z.infer<typeof Kept> = {
      session,
      client: { clientId: client.clientId, clientSecret: client.clientSecret, from: client.from },
      refreshToken: grant.refreshToken,
    };
    await this.#vault.put(vaultRef(sessionId), JSON.stringify(kept));
    const ids = await this.#ids();
    if (!ids.includes(sessionId)) await this.#vault.put(INDEX, JSON.stringify([...ids, sessionId]));
    return session;
  }

  async get(sessionId: string): Promise<SignedIn> {
    const text = await this.#vault.get(vaultRef(sessionId));
    const kept = text === undefined ? undefined : parse(text);
    if (kept === undefined) {
      throw new BaluchonError('google.signed-out', { sessionId: sessionId.slice(0, 80) });
    }
    return kept;
  }

  /**
   * Every session, for "Tout oublier": revoked at Google by `revoke` (an offline computer or a
   * token Google already dropped must not stop the forgetting), then erased from the vault.
   */
  async forgetAll(revoke: (signedIn: SignedIn) => Promise<void>): Promise<number> {
    let revoked = 0;
    for (const sessionId of await this.#ids()) {
      try {
        await revoke(await this.get(sessionId));
        revoked += 1;
      } catch {
        // Erased here all the same; the family can also remove the access from their Google
        // account's security page ("Third-party apps with account access").
      }
      await this.#vault.delete(vaultRef(sessionId));
    }
    await this.#vault.delete(INDEX);
    this.#typed = null;
    return revoked;
  }

  async #ids(): Promise<string[]> {
    const text = await this.#vault.get(INDEX);
    if (text === undefined) return [];
    try {
      const ids = z.array(z.string()).safeParse(JSON.parse(text));
      return ids.success ? ids.data : [];
    } catch {
      return [];
    }
  }
}

function parse(text: string): SignedIn | undefined {
  try {
    const kept = Kept.safeParse(JSON.parse(text));
    return kept.success ? kept.data : undefined;
  } catch {
    return undefined;
  }
}

function vaultRef(sessionId: string): string {
  return `google|${sessionId}`;
}
