// Runs tasks from an async source with at most `concurrency` in flight: the bounded
// concurrency per server of DESIGN.md. Items are pulled lazily, so a 50,000-event calendar is
// never held in memory. The first error that must stop everything rejects the whole pool after
// the tasks in flight have settled.
export async function runPool<T>(
  source: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  task: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  let exhausted = false;

  const worker = async (): Promise<void> => {
    while (failure === undefined && !exhausted) {
      if (signal?.aborted === true) {
        failure ??= { error: signal.reason };
        return;
      }
      const next = await iterator.next();
      if (next.done === true) {
        exhausted = true;
        return;
      }
      try {
        await task(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failure !== undefined) {
    await iterator.return?.();
    throw failure.error;
  }
}
