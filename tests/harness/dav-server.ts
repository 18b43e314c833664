// The shape every server started by the harness has, whatever its kind.

/** Which real server answers. */
export type ServerKind = 'radicale' | 'xandikos' | 'apache';

/** A user to create. Without a password, a random one is made. */
export interface UserSpec {
  readonly name: string;
  readonly password?: string;
}

/** A user the server knows. */
export interface ServerUser {
  readonly name: string;
  readonly password: string;
  /**
   * Absolute URL of the user's own place on the server, ending in `/`: the principal on
   * Radicale and Xandikos (where `calendar-home-set` is found), the user's folder on Apache.
   * Tests that exercise discovery must start from `DavServer.url` instead.
   */
  readonly home: string;
}

export interface DavServer {
  readonly kind: ServerKind;
  /** The root a user would type, e.g. `http://127.0.0.1:41235/` (always ends in `/`). */
  readonly url: string;
  readonly port: number;
  readonly users: readonly ServerUser[];
  /** The first of `users`, for the many tests that need only one. */
  readonly user: ServerUser;
  /** Where the server stores what it was sent: tests may look at what it really kept. */
  readonly dataDir: string;
  /** The throwaway folder holding `dataDir`, the configuration, logs, sockets and locks. */
  readonly workDir: string;
  /** Process group ids of the running processes (for the harness's own hygiene tests). */
  readonly processGroups: readonly number[];
  /** Stops every process and removes `workDir`. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options every `start…()` function accepts. */
export interface StartOptions {
  /** Users to create; one user named `alice` with a random password by default. */
  readonly users?: readonly UserSpec[];
  /** Upper bound for the whole start, retries included (default 30 s). */
  readonly startTimeoutMs?: number;
}

export type StartServer = (options?: StartOptions) => Promise<DavServer>;
