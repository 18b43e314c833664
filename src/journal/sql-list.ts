/**
 * `'a', 'b'` for a SQL `IN (…)` built from the state lists of item-states.ts and run-states.ts:
 * compile-time constants, never user input (anything else is refused).
 */
export function sqlList(values: readonly string[]): string {
  for (const value of values) {
    if (!/^[a-z-]+$/.test(value)) throw new Error(`not a state name: ${value}`);
  }
  return values.map((value) => `'${value}'`).join(', ');
}
