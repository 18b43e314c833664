// The acting half of a run over several collections: each made once and filled, everything
// read back — also after a stop — and the run ended in the journal whatever happens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../src/contract/problem.ts';
import type { Run } from '../../src/journal/types.ts';
import { collectionJob } from '../../src/migration/collection-job.ts';
import type { CollectionJob } from '../../src/migration/collection-job.ts';
import { runJobs } from '../../src/migration/run-jobs.ts';
import { HOME, memoryCollectionSink, memoryItemSink, ok } from './support/memory-dav.ts';
import { EngineWorld, outgoing, target } from './support/engine-world.ts';

let world: EngineWorld;
beforeEach(() => {
  world = new EngineWorld();
});
afterEach(() => {
  world.cleanup();
});

function job(name: string, count: number): CollectionJob {
  const entries = Array.from({ length: count }, (_v, i) => ({
    type: 'item' as const,
    item: outgoing({ key: `${name}-${i}`, body: `${name} event ${i}` }),
  }));
  return collectionJob({
    kind: 'calendars',
    spec: { sourceKey: `Agenda/${name}.ics`, displayName: `${name} (Google)`, slug: name },
    collectionSink: memoryCollectionSink(world.dav),
    itemSink: memoryItemSink(world.dav),
    found: count,
    entries: () => entries,
  });
}

function begin(): Run {
  return world.journal.beginRun({
    target,
    kinds: ['calendars'],
    sources: [{ name: 'takeout-001.zip', size: 1 }],
  });
}

async function run(jobs: CollectionJob[], concurrency = 2) {
  const problems: ProblemFact[] = [];
  const phases: string[] = [];
  const outcome = await runJobs(jobs, {
    journal: world.journal,
    target,
    run: begin(),
    concurrency,
    signal: new AbortController().signal,
    onPhase: (phase) => phases.push(phase),
    onItem: () => undefined,
    onProblem: (_kind, problem) => problems.push(problem),
  });
  return { ...outcome, problems, phases };
}

describe('runJobs', () => {
  it('makes each calendar, fills it, reads everything back and ends the run finished', async () => {
    const outcome = await run([job('famille', 3), job('club', 2)]);
    expect(outcome.phases).toEqual(['sending', 'verifying']);
    expect(outcome.collections.map((c) => c.url)).toEqual([`${HOME}famille/`, `${HOME}club/`]);
    expect(outcome.readBack.map((r) => r.outcome.verified)).toEqual([3, 2]);
    expect(outcome.run).toMatchObject({ state: 'finished', stopCode: null });
    expect(world.journal.runCounts(outcome.run.id).total).toMatchObject({ found: 5, verified: 5 });
  });

  it('after a 507 in the second calendar, still reads back both and ends stopped', async () => {
    let puts = 0;
    world.dav.fault = (request) =>
      request.method === 'PUT' && ++puts === 5 ? { kind: 'refuse', status: 507 } : ok;
    const outcome = await run([job('famille', 3), job('club', 4)], 1);
    expect(outcome.stop?.code).toBe('dav.server-full');
    expect(outcome.run).toMatchObject({ state: 'stopped', stopCode: 'dav.server-full' });
    expect(outcome.readBack.map((r) => r.outcome)).toEqual([
      { verified: 3, missing: 0, unexpected: 0 },
      { verified: 1, missing: 0, unexpected: 0 },
    ]);
  });

  it('a 401 that also refuses the read-back ends the run stopped, not broken', async () => {
    let refusing = false;
    let puts = 0;
    world.dav.fault = (request) => {
      if (request.method === 'PUT' && ++puts === 4) refusing = true; // password changed
      return refusing ? { kind: 'refuse', status: 401 } : ok;
    };
    const outcome = await run([job('famille', 3), job('club', 3)]);
    expect(outcome.run).toMatchObject({ state: 'stopped', stopCode: 'dav.unauthorized' });
    expect(outcome.readBack).toEqual([]);
    expect(world.journal.getRun(outcome.run.id).state).toBe('stopped');
  });

  it('a 401 while making a calendar stops the run too', async () => {
    world.dav.fault = (request) =>
      request.method === 'MKCOL' && request.href.endsWith('club/')
        ? { kind: 'refuse', status: 401 }
        : ok;
    const outcome = await run([job('famille', 2), job('club', 2)]);
    expect(outcome.run).toMatchObject({ state: 'stopped', stopCode: 'dav.unauthorized' });
    expect(outcome.readBack.map((r) => r.outcome.verified)).toEqual([2]);
  });

  it('names a calendar the server will not make, and moves the others', async () => {
    world.dav.fault = (request) =>
      request.method === 'MKCOL' && request.href.endsWith('club/')
        ? { kind: 'refuse', status: 400 }
        : ok;
    const outcome = await run([job('famille', 2), job('club', 3), job('école', 1)]);
    expect(outcome.run).toMatchObject({ state: 'finished', stopCode: null });
    expect(outcome.collections.map((c) => c.name)).toEqual(['famille (Google)', 'école (Google)']);
    expect(outcome.readBack.map((r) => r.outcome.verified)).toEqual([2, 1]);
    expect(outcome.problems).toEqual([
      {
        code: 'migration.collection-refused',
        where: 'club (Google)',
        params: { name: 'club (Google)', count: 3, status: 400, detail: '' },
      },
    ]);
  });

  it('takes a 403 that names a CalDAV precondition as a refusal of that list, not a stop', async () => {
    world.dav.fault = (request) =>
      request.method === 'MKCOL' && request.href.endsWith('taches/')
        ? { kind: 'refuse', status: 403, detail: '<C:supported-calendar-component/>' }
        : ok;
    const outcome = await run([job('taches', 2), job('famille', 2)]);
    expect(outcome.run).toMatchObject({ state: 'finished', stopCode: null });
    expect(outcome.problems.map((p) => [p.code, p.where])).toEqual([
      ['migration.collection-refused', 'taches (Google)'],
    ]);
    expect(outcome.readBack.map((r) => r.outcome.verified)).toEqual([2]);
  });

  it('ends the run as interrupted when the server is gone for good, then rejects', async () => {
    world.dav.fault = (request) =>
      request.method === 'LIST' ? { kind: 'refuse', status: 503 } : ok;
    const started = begin();
    await expect(
      runJobs([job('famille', 2)], {
        journal: world.journal,
        target,
        run: started,
        concurrency: 2,
        signal: new AbortController().signal,
        onPhase: () => undefined,
        onItem: () => undefined,
        onProblem: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'dav.unavailable' });
    expect(world.journal.getRun(started.id).state).toBe('interrupted');
  });

  it('ends the run as cancelled when the family cancels', async () => {
    const controller = new AbortController();
    world.dav.fault = (request) => {
      if (request.method === 'PUT') controller.abort(new Error('cancelled'));
      return ok;
    };
    const started = begin();
    await expect(
      runJobs([job('famille', 6)], {
        journal: world.journal,
        target,
        run: started,
        concurrency: 1,
        signal: controller.signal,
        onPhase: () => undefined,
        onItem: () => undefined,
        onProblem: () => undefined,
      }),
    ).rejects.toThrow('cancelled');
    expect(world.journal.getRun(started.id).state).toBe('cancelled');
    expect(world.dav.count('PUT')).toBe(1);
  });
});
