// Keeping each file's modification time, as far as the server allows, and counting honestly
// what was kept. Nextcloud (and ownCloud) take `X-OC-Mtime` (seconds since 1970) on the upload
// and answer `X-OC-MTime: accepted` when they applied it (developer manual, "Special headers").
// Other servers: RFC 4918 §15.7 makes `getlastmodified` a live property most servers protect;
// Apache mod_dav answers a PROPPATCH of it with 409 "Property is read-only" (measured on
// 2.4.71). Where the header was not accepted, one PROPPATCH is tried; if the server refuses it,
// no other is sent, and the run's report counts the dates that could not be kept.
import type { DavClient } from '../dav/dav-client.ts';
import { clark, ns, parseMultistatus, proppatchBody } from '../dav/xml.ts';

const lastModified = clark(ns.dav, 'getlastmodified');

export interface DateTally {
  /** Files whose date the server took. */
  readonly kept: number;
  /** Files whose date the server could not take. */
  readonly notKept: number;
  /** Files the archive gave no date for. */
  readonly unknown: number;
}

export class DateKeeper {
  readonly #client: DavClient;
  #kept = 0;
  #notKept = 0;
  #unknown = 0;
  /** Whether PROPPATCH of getlastmodified works here: null until tried once. */
  #proppatch: Promise<boolean> | null = null;

  constructor(client: DavClient) {
    this.#client = client;
  }

  /** Headers asking for `mtime` on the upload itself. */
  headers(mtime: Date | null): Record<string, string> {
    return mtime === null ? {} : { 'x-oc-mtime': String(Math.floor(mtime.getTime() / 1000)) };
  }

  /** After a successful upload of `url`: was the date taken? If not, try the other way once. */
  async settle(
    url: string,
    mtime: Date | null,
    answer: Record<string, string>,
    signal: AbortSignal,
  ): Promise<void> {
    if (mtime === null) {
      this.#unknown++;
      return;
    }
    if (answer['x-oc-mtime']?.toLowerCase() === 'accepted') {
      this.#kept++;
      return;
    }
    const first = this.#proppatch === null;
    this.#proppatch ??= this.#patch(url, mtime, signal);
    const works = await this.#proppatch;
    if (works && (first || (await this.#patch(url, mtime, signal)))) this.#kept++;
    else this.#notKept++;
  }

  tally(): DateTally {
    return { kept: this.#kept, notKept: this.#notKept, unknown: this.#unknown };
  }

  async #patch(url: string, mtime: Date, signal: AbortSignal): Promise<boolean> {
    try {
      const answer = await this.#client.request('PROPPATCH', url, {
        headers: { 'content-type': 'application/xml; charset=utf-8' },
        body: proppatchBody(new Map([[lastModified, { text: mtime.toUTCString() }]])),
        signal,
      });
      const text = await answer.response.text();
      if (answer.status !== 207) return true;
      const entries = parseMultistatus(text, answer.url);
      return entries.every((entry) =>
        entry.propstats.every((propstat) => propstat.status >= 200 && propstat.status < 300),
      );
    } catch (error) {
      if (signal.aborted) throw error;
      // A refusal (403, 405, 409…) or an answer we cannot read: the date is not kept.
      return false;
    }
  }
}
