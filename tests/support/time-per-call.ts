// Measures a function as time per call, repeating it until enough time has passed for the
// clock's grain and the machine's noise to matter little. For tests that compare two costs (a
// hostile input against a plain one of the same size): only ratios are asserted, never times.

/** Median of `rounds` rounds, each repeating `run` for at least `minMs` (once if it is slower). */
export function timePerCall(run: () => void, { minMs = 25, rounds = 5 } = {}): number {
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      calls += 1;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    perRound.push(elapsed / calls);
  }
  perRound.sort((a, b) => a - b);
  return perRound[Math.floor(perRound.length / 2)] ?? Number.NaN;
}
