// Gathers the problems a content reader met in one file, so the family gets one line per file
// ("part of this calendar is damaged near line 1204") instead of one per broken line.
import type { ContentProblem, ContentProblemItem } from './content-problem.ts';

export interface ProblemSummary {
  readonly count: number;
  /** The first line where it was seen. */
  readonly line: number;
}

export class ProblemTally {
  readonly #byKind = new Map<ContentProblem, { count: number; line: number }>();

  add(item: ContentProblemItem): void {
    const known = this.#byKind.get(item.problem);
    if (known === undefined) this.#byKind.set(item.problem, { count: 1, line: item.line });
    else known.count++;
  }

  get(problem: ContentProblem): ProblemSummary | undefined {
    return this.#byKind.get(problem);
  }

  /** The first line of any damage other than repaired lines and a file holding no object. */
  firstDamage(): number | null {
    let first: number | null = null;
    for (const [problem, summary] of this.#byKind) {
      if (problem === 'repaired-line' || problem === 'no-object') continue;
      if (first === null || summary.line < first) first = summary.line;
    }
    return first;
  }
}
