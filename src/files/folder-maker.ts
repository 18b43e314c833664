// Creates the folders of the Drive tree on the server, each at most once per run: files of the
// same folder share one MKCOL (also when they are uploaded side by side), and a re-run that has
// nothing to send makes none. A folder that already exists answers 405 (RFC 4918 §9.3.1), which
// is fine: it is where the files go.
import type { DavClient } from '../dav/dav-client.ts';
import { DavError } from '../dav/dav-error.ts';

export class FolderMaker {
  readonly #client: DavClient;
  readonly #known = new Map<string, Promise<void>>();

  constructor(client: DavClient) {
    this.#client = client;
  }

  /** A folder known to exist (the import folder itself, made by the engine). */
  exists(url: string): void {
    this.#known.set(url, Promise.resolve());
  }

  /** Makes sure each folder exists, top first (a folder needs its parent: 409 otherwise). */
  async ensure(urls: readonly string[], signal: AbortSignal): Promise<void> {
    for (const url of urls) {
      let made = this.#known.get(url);
      if (made === undefined) {
        made = this.#make(url, signal);
        this.#known.set(url, made);
        // A failure is not remembered: the next file of that folder tries again.
        made.catch(() => this.#known.delete(url));
      }
      await made;
    }
  }

  async #make(url: string, signal: AbortSignal): Promise<void> {
    try {
      await this.#client.makeCollection('MKCOL', url, undefined, signal);
    } catch (error) {
      if (error instanceof DavError && error.code === 'dav.not-allowed') return;
      throw error;
    }
  }
}
