// The way into `baluchon web`: a one-time code in the address the browser is opened with.
// Whatever is given to the browser on its command line can be read by any other user of the
// computer (`ps`, /proc/<pid>/cmdline) for as long as the browser runs, so that address must be
// worth nothing once used: the code is random, good once, and only for a few minutes. The page
// trades it for the session cookie (HttpOnly, SameSite=Strict), which never appears anywhere.
import { createHash, randomBytes } from 'node:crypto';

export interface EntryCodes {
  /** A new code, good once, until `lifetimeMs` from now. */
  mint(): string;
  /** True the first time a live code is given; false for a used, expired or unknown one. */
  redeem(code: string): boolean;
}

export interface EntryCodesOptions {
  now: () => number;
  /** How long an unused code stays good (default: 2 minutes). */
  lifetimeMs?: number;
  /** Source of the codes (default: 32 random bytes, base64url). */
  randomCode?: () => string;
}

const defaultLifetimeMs = 2 * 60_000;
/** A guard against a flood of Enter presses: the oldest codes go first. */
const maxLiveCodes = 20;

export function createEntryCodes(options: EntryCodesOptions): EntryCodes {
  const lifetime = options.lifetimeMs ?? defaultLifetimeMs;
  const randomCode = options.randomCode ?? (() => randomBytes(32).toString('base64url'));
  // Keyed by the code's digest: looking a guess up then tells nothing, by its timing, about
  // the codes that are live.
  const live = new Map<string, number>();

  const dropExpired = (): void => {
    const now = options.now();
    for (const [key, expires] of live) if (expires <= now) live.delete(key);
  };

  return {
    mint() {
      dropExpired();
      const code = randomCode();
      live.set(digest(code), options.now() + lifetime);
      while (live.size > maxLiveCodes) {
        const oldest = live.keys().next().value;
        if (oldest === undefined) break;
        live.delete(oldest);
      }
      return code;
    },
    redeem(code) {
      dropExpired();
      const key = digest(code);
      if (!live.has(key)) return false;
      live.delete(key);
      return true;
    },
  };
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
