// The baseline: the same prepared resources PUT into a fresh calendar by the simplest client
// that can do it — undici with keep-alive, at the same concurrency as the migration, with the
// same If-None-Match: * — and nothing else (no journal, no read-back, no archive reading).
import { Agent, request } from 'undici';
import type { PreparedResource } from './prepare-calendar.ts';

export interface BareLoopOptions {
  readonly collection: string;
  readonly authorization: string;
  readonly concurrency: number;
}

export interface BareLoopResult {
  readonly ms: number;
  readonly puts: number;
}

export async function bareCalendar(options: BareLoopOptions): Promise<void> {
  const answer = await request(options.collection, {
    method: 'MKCALENDAR',
    headers: { authorization: options.authorization },
  });
  await answer.body.dump();
  if (answer.statusCode !== 201) throw new Error(`MKCALENDAR answered ${answer.statusCode}`);
}

export async function barePutLoop(
  resources: readonly PreparedResource[],
  options: BareLoopOptions,
): Promise<BareLoopResult> {
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 30_000 });
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let i = next++; i < resources.length; i = next++) {
      const resource = resources[i] as PreparedResource;
      const answer = await request(new URL(resource.name, options.collection), {
        method: 'PUT',
        headers: {
          authorization: options.authorization,
          'content-type': 'text/calendar; charset=utf-8',
          'if-none-match': '*',
        },
        body: resource.ics,
        dispatcher: agent,
      });
      await answer.body.dump();
      if (answer.statusCode >= 300) throw new Error(`PUT ${resource.name}: ${answer.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const ms = performance.now() - started;
  await agent.close();
  return { ms, puts: resources.length };
}

export async function deleteCollection(url: string, authorization: string): Promise<void> {
  const answer = await request(url, { method: 'DELETE', headers: { authorization } });
  await answer.body.dump();
  if (answer.statusCode >= 300 && answer.statusCode !== 404) {
    throw new Error(`DELETE ${url}: ${answer.statusCode}`);
  }
}
