// Which directory the app shows: the ChatonsInfos refresh kept in the app's data folder when
// there is one, completed by the snapshot shipped with the app (members ChatonsInfos does not
// list, and the research facts such as prices); the snapshot alone otherwise (first start,
// offline, corrupt cache).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ProblemFact } from '../../contract/problem.ts';
import { crawlFederation, DEFAULT_FEDERATION_URL } from '../chatonsinfos/crawl-federation.ts';
import type { CachedFile, CrawlOptions } from '../chatonsinfos/crawl-federation.ts';
import type { FetchLimits } from '../chatonsinfos/fetch-limited.ts';
import type { FetchLike } from '../../net/fetch-like.ts';
import { Directory, DIRECTORY_FORMAT, Host } from './directory-schema.ts';

export const snapshotPath = new URL('../data/directory.json', import.meta.url);

const CacheFile = z.object({
  format: z.literal(1),
  savedAt: z.string(),
  federationUrl: z.string(),
  files: z.record(
    z.string(),
    z.object({
      text: z.string(),
      fetchedAt: z.string(),
      etag: z.string().optional(),
      lastModified: z.string().optional(),
    }),
  ),
  hosts: z.array(Host),
});
type CacheFile = z.infer<typeof CacheFile>;

export interface CurrentDirectory {
  directory: Directory;
  /** `snapshot`: only what shipped with the app; `refreshed`: ChatonsInfos + snapshot. */
  source: 'snapshot' | 'refreshed';
  /** When ChatonsInfos was last read, if ever. */
  refreshedAt: string | null;
}

export interface RefreshOptions {
  fetch: FetchLike;
  signal: AbortSignal;
  federationUrl?: string;
  limits?: Partial<FetchLimits>;
  concurrency?: number;
  placeAddress?: CrawlOptions['placeAddress'];
  onProgress?: (done: number, total: number) => void;
}

export interface RefreshOutcome {
  hosts: number;
  changed: boolean;
  problems: ProblemFact[];
  refreshedAt: string;
}

const domain = (url: string | null): string | undefined => {
  if (url === null) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

/** ChatonsInfos members first; snapshot members it does not list (same website domain) after. */
export function mergeDirectories(
  snapshot: Directory,
  refreshed: readonly Host[],
  refreshedAt: string,
): Directory {
  const listed = new Set(refreshed.map((host) => domain(host.website)).filter(Boolean));
  const kept = snapshot.hosts.filter((host) => {
    const site = domain(host.website);
    return site === undefined || !listed.has(site);
  });
  return {
    format: DIRECTORY_FORMAT,
    origin: `ChatonsInfos (${refreshedAt.slice(0, 10)}) + ${snapshot.origin}`,
    checked: [snapshot.checked, refreshedAt.slice(0, 10)].sort().at(-1) ?? snapshot.checked,
    attribution: `${snapshot.attribution} Refreshed from ChatonsInfos, the CHATONS members' own files.`,
    hosts: [...refreshed, ...kept],
  };
}

export class DirectoryStore {
  readonly #cachePath: string;
  readonly #now: () => Date;
  #snapshot: Directory | undefined;
  /** The cache as last read, and the file's modification time then (re-read when it changes). */
  #cache: { mtimeMs: number; file: CacheFile | undefined } | undefined;

  constructor(options: { dataDir: string; now: () => Date; snapshot?: Directory }) {
    this.#cachePath = join(options.dataDir, 'hosts', 'chatonsinfos-cache.json');
    this.#now = options.now;
    this.#snapshot = options.snapshot;
  }

  snapshot(): Directory {
    this.#snapshot ??= Directory.parse(JSON.parse(readFileSync(snapshotPath, 'utf8')));
    return this.#snapshot;
  }

  #readCache(): CacheFile | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.#cachePath).mtimeMs;
    } catch {
      return undefined; // no cache yet: the snapshot is the answer
    }
    if (this.#cache?.mtimeMs === mtimeMs) return this.#cache.file;
    let file: CacheFile | undefined;
    try {
      const parsed = CacheFile.safeParse(JSON.parse(readFileSync(this.#cachePath, 'utf8')));
      file = parsed.success ? parsed.data : undefined;
    } catch {
      // A cache we cannot read (cut short, edited by hand): the snapshot is the answer.
      file = undefined;
    }
    this.#cache = { mtimeMs, file };
    return file;
  }

  current(): CurrentDirectory {
    const cache = this.#readCache();
    if (cache === undefined || cache.hosts.length === 0) {
      return { directory: this.snapshot(), source: 'snapshot', refreshedAt: null };
    }
    return {
      directory: mergeDirectories(this.snapshot(), cache.hosts, cache.savedAt),
      source: 'refreshed',
      refreshedAt: cache.savedAt,
    };
  }

  async refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    const previous = this.#readCache();
    const federationUrl = options.federationUrl ?? DEFAULT_FEDERATION_URL;
    const cache = new Map<string, CachedFile>(
      previous?.federationUrl === federationUrl ? Object.entries(previous.files) : [],
    );
    const result = await crawlFederation({
      fetch: options.fetch,
      federationUrl,
      limits: { timeoutMs: 10_000, maxBytes: 256 * 1024, userAgent: 'Baluchon', ...options.limits },
      signal: options.signal,
      now: this.#now,
      cache,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.placeAddress === undefined ? {} : { placeAddress: options.placeAddress }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const refreshedAt = this.#now().toISOString();
    const file: CacheFile = {
      format: 1,
      savedAt: refreshedAt,
      federationUrl,
      files: Object.fromEntries(result.files),
      hosts: result.hosts,
    };
    // Write then rename, so a crash never leaves half a cache behind.
    mkdirSync(dirname(this.#cachePath), { recursive: true });
    const temporary = `${this.#cachePath}.tmp`;
    writeFileSync(temporary, JSON.stringify(file));
    renameSync(temporary, this.#cachePath);
    return {
      hosts: result.hosts.length,
      changed: result.changed,
      problems: result.problems,
      refreshedAt,
    };
  }
}
