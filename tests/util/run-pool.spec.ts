// The bounded concurrency of a transfer: never more than `concurrency` tasks at once, items
// pulled lazily, the first failure ends the pool once the tasks in flight have settled.
import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/util/run-pool.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('keeps at most `concurrency` tasks in flight and does them all', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runPool(
      Array.from({ length: 20 }, (_v, i) => i),
      3,
      async (n) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick();
        inFlight -= 1;
        done.push(n);
      },
    );
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_v, i) => i));
  });

  it('pulls items from the source only as workers get free', async () => {
    let pulled = 0;
    let mostAhead = 0;
    let finished = 0;
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 50; i++) {
        await tick(); // an archive being read
        pulled += 1;
        mostAhead = Math.max(mostAhead, pulled - finished);
        yield i;
      }
    }
    await runPool(source(), 4, async () => {
      await tick();
      finished += 1;
    });
    expect(pulled).toBe(50);
    expect(mostAhead).toBeLessThanOrEqual(4);
  });

  it('rejects with the first failure after the tasks in flight settled, and starts no more', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    let closed = false;
    function* source(): Generator<number> {
      try {
        for (let i = 0; i < 100; i++) yield i;
      } finally {
        closed = true;
      }
    }
    await expect(
      runPool(source(), 3, async (n) => {
        started.push(n);
        await tick();
        if (n === 4) throw new Error('boom');
        await tick();
        settled.push(n);
      }),
    ).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(10);
    expect(settled.sort((a, b) => a - b)).toEqual(started.filter((n) => n !== 4));
    expect(closed).toBe(true);
  });

  it('stops taking items once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await expect(
      runPool(
        Array.from({ length: 100 }, (_v, i) => i),
        2,
        async (n) => {
          started.push(n);
          if (n === 5) controller.abort(new Error('cancelled by the family'));
          await tick();
        },
        controller.signal,
      ),
    ).rejects.toThrow('cancelled by the family');
    expect(started.length).toBeLessThanOrEqual(7);
  });
});
