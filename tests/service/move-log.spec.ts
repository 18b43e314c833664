// The service's memory of the moves of this session, fed by their job events.
import { describe, expect, it } from 'vitest';
import type { Account, BaluchonEvent } from '../../src/contract/index.ts';
import { MoveLog } from '../../src/service/move-log.ts';

const account = (id: string): Account => ({
  accountId: id,
  server: 'https://cloud.example.org/',
  username: id,
  software: 'radicale',
  principal: null,
  calendarHome: null,
  addressbookHome: null,
  filesRoot: null,
  quota: null,
});
const event = (jobId: string, e: Record<string, unknown>): BaluchonEvent =>
  ({ jobId, kind: 'migrate', ...e }) as unknown as BaluchonEvent;
const kind = { found: 3, done: 1, failed: 0, bytesDone: 0, bytesTotal: 0 };
const progress = {
  phase: 'sending',
  calendars: kind,
  tasks: kind,
  contacts: kind,
  files: kind,
  current: null,
  etaSeconds: null,
};

describe('MoveLog', () => {
  it('knows the running move of an account until its end, with what it said last', () => {
    const log = new MoveLog();
    log.track('j1', account('anne'), '2026-12-02T10:00:00.000Z');
    log.receive(event('j1', { type: 'job.progress', progress }));
    log.receive(
      event('j1', { type: 'job.problem', problem: { code: 'c', where: 'w', reason: 'r' } }),
    );
    // Another job's events (a scan) change nothing.
    log.receive({
      ...event('j2', { type: 'job.progress', progress }),
      kind: 'scan',
    } as BaluchonEvent);
    expect(log.running('anne')).toBe('j1');
    expect(log.running('bruno')).toBeUndefined();
    expect(log.list()).toEqual([
      expect.objectContaining({
        jobId: 'j1',
        accountId: 'anne',
        state: 'running',
        progress,
        problems: [{ code: 'c', where: 'w', reason: 'r' }],
        report: null,
      }),
    ]);
    log.receive(
      event('j1', {
        type: 'job.end',
        outcome: 'cancelled',
        error: { code: 'cancelled', message: 'm' },
      }),
    );
    expect(log.running('anne')).toBeUndefined();
    expect(log.list()[0]).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
  });

  it('lists the running moves first, and forgets everything on clear', () => {
    const log = new MoveLog();
    log.track('j1', account('anne'), '2026-12-02T10:00:00.000Z');
    log.receive(
      event('j1', { type: 'job.end', outcome: 'failed', error: { code: 'x', message: 'x' } }),
    );
    log.track('j2', account('bruno'), '2026-12-02T09:00:00.000Z');
    expect(log.list().map((move) => move.jobId)).toEqual(['j2', 'j1']);
    log.clear();
    expect(log.list()).toEqual([]);
    expect(log.running('bruno')).toBeUndefined();
  });
});
