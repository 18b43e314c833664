// Reading a collection's members streams: a pass asks for one batch ahead of what the engine has
// taken, never for the whole collection at once; a member the server does not return is named.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DavClient } from '../../../src/dav/dav-client.ts';
import type { HttpRequest, HttpResponse } from '../../../src/dav/http-client.ts';
import type { ProblemFact } from '../../../src/contract/problem.ts';
import { readMembers } from '../../../src/sources/dav/member-content.ts';

const base = 'https://dav.example.org/alice/famille/';

/** A server answering calendar-multiget from memory, recording the hrefs of each REPORT. */
function fakeServer(missing: ReadonlySet<string> = new Set()): {
  client: DavClient;
  reports: string[][];
} {
  const reports: string[][] = [];
  const send = (request: HttpRequest): Promise<HttpResponse> => {
    const body = typeof request.body === 'string' ? request.body : '';
    const hrefs = [...body.matchAll(/<d:href>([^<]+)<\/d:href>/g)].map((m) => m[1] ?? '');
    reports.push(hrefs);
    const responses = hrefs
      .filter((href) => !missing.has(href))
      .map(
        (href) =>
          `<d:response><d:href>${href}</d:href><d:propstat><d:prop><c:calendar-data>BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:${href}\nEND:VEVENT\nEND:VCALENDAR\n</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
      )
      .join('');
    const text = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${responses}</d:multistatus>`;
    return Promise.resolve({
      status: 207,
      headers: {},
      text: () => Promise.resolve(text),
      stream: () => Readable.from([text]),
      dump: () => Promise.resolve(),
    });
  };
  const client = new DavClient({
    send,
    credentials: { username: 'alice', password: 'x' },
    retry: { sleep: () => Promise.resolve(), random: () => 0 },
    now: () => new Date(0),
  });
  return { client, reports };
}

const members = Array.from({ length: 10 }, (_, i) => `${base}e${i}.ics`);

describe('readMembers', () => {
  it('asks for one batch ahead of what was taken, never for the whole collection', async () => {
    const { client, reports } = fakeServer();
    const reader = readMembers({
      client,
      collection: base,
      kind: 'calendar',
      members,
      batchSize: 2,
      signal: new AbortController().signal,
      onProblem: () => undefined,
    });
    const first = await reader.next();
    expect(first.value).toContain('UID:/alice/famille/e0.ics');
    // The first batch, and the second asked for ahead: 4 of the 10 members.
    expect(reports).toHaveLength(2);
    const rest: string[] = [];
    for await (const text of reader) rest.push(text);
    expect(rest).toHaveLength(9);
    expect(reports.map((hrefs) => hrefs.length)).toEqual([2, 2, 2, 2, 2]);
  });

  it('names a member the server did not give back and reads the others', async () => {
    const { client } = fakeServer(new Set(['/alice/famille/e3.ics']));
    const problems: ProblemFact[] = [];
    const texts: string[] = [];
    for await (const text of readMembers({
      client,
      collection: base,
      kind: 'calendar',
      members,
      batchSize: 4,
      signal: new AbortController().signal,
      onProblem: (problem) => problems.push(problem),
    })) {
      texts.push(text);
    }
    expect(texts).toHaveLength(9);
    expect(problems).toEqual([
      { code: 'dav.not-found', where: `${base}e3.ics`, params: { status: 404 } },
    ]);
  });
});
