// A REPORT (RFC 3253 §3.6) whose answer is a multistatus, read whole and parsed. The DavClient
// retries a request that fails before its answer starts; an answer cut off in its body (a
// connection reset mid-multistatus) is asked again here, because a REPORT only reads and is
// always safe to repeat.
import type { DavClient } from './dav-client.ts';
import { multistatusOf } from './dav-client.ts';
import { isRetryable } from './dav-error.ts';
import type { MultistatusEntry } from './xml.ts';

/** Tries of one REPORT whose body was cut off (the DavClient's own retries come on top). */
const bodyAttempts = 3;

export async function report(
  client: DavClient,
  url: string,
  body: string,
  depth: '0' | '1',
  signal?: AbortSignal,
): Promise<MultistatusEntry[]> {
  for (let attempt = 1; ; attempt++) {
    const answer = await client.request('REPORT', url, {
      headers: { depth, 'content-type': 'application/xml; charset=utf-8' },
      body,
      ...(signal === undefined ? {} : { signal }),
    });
    let text: string;
    try {
      text = await answer.response.text();
    } catch (error) {
      if (attempt < bodyAttempts && isRetryable(error) && signal?.aborted !== true) continue;
      throw error;
    }
    return multistatusOf('REPORT', answer, text, 'dav.bad-response');
  }
}

/** The path of a URL, decoded and NFC: how two spellings of one href are recognised alike. */
export function hrefKey(url: string): string {
  const path = new URL(url).pathname;
  try {
    return decodeURIComponent(path).normalize('NFC').replace(/\/$/, '');
  } catch {
    return path.normalize('NFC').replace(/\/$/, '');
  }
}
