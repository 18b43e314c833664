// Commands that read where the family's data is (a Takeout archive, another host's account):
// `startScan` starts a `scan` job whose progress, problems and final inventory arrive as job
// events; the inventory's explanations are written here, in the service's language.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Handlers, ScanReport } from '../contract/index.ts';
import type { ProblemFact } from '../contract/problem.ts';
import { openSource } from '../sources/open-source.ts';
import { sourceSpecOf } from '../sources/source-spec.ts';
import type { SourceSpec } from '../sources/source-spec.ts';
import type { InventoryFacts } from '../sources/source.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { ServiceContext } from './service-context.ts';
import { sourceOpeners } from './source-openers.ts';

export function createScanHandlers(context: ServiceContext): Pick<Handlers, 'startScan'> {
  return {
    startScan: async (input) => {
      const asked = sourceSpecOf(input);
      // A mistake in the request (a path that does not exist, an account the family did not
      // connect) is answered at once, not as a job; the reading itself is the job.
      let spec: SourceSpec;
      if (asked.kind === 'dav') {
        await context.accounts.get(asked.accountId);
        spec = asked;
      } else if (asked.kind === 'google') {
        await context.google.sessions.get(asked.sessionId);
        spec = asked;
      } else {
        const absolute = asked.paths.map((path) => resolve(path));
        for (const path of absolute) {
          try {
            await stat(path);
          } catch {
            throw new BaluchonError('path-not-found', { path });
          }
        }
        spec = { kind: 'takeout', paths: absolute };
      }
      const jobId = context.jobs.start('scan', async (ctx) => {
        // One reading through the source port: what the family sees is what the move will plan.
        const source = await openSource(
          spec,
          sourceOpeners(context, { signal: ctx.signal, t: context.t() }),
        );
        const problems: ProblemFact[] = [];
        try {
          const { facts } = await source.read({
            signal: ctx.signal,
            onProgress: (progress) => {
              ctx.progress(progress);
            },
            onProblem: (problem) => {
              problems.push(problem);
              ctx.problem(problem);
            },
          });
          return describeScan(context, { ...facts, problems });
        } finally {
          await source.close();
        }
      });
      return { jobId };
    },
  };
}

/**
 * Adds the problems' words, in the current language. The source already wrote each unmovable
 * item's reason with the same translator (sourceOpeners gives it context.t()).
 */
function describeScan(
  context: ServiceContext,
  facts: InventoryFacts & { problems: ProblemFact[] },
): ScanReport {
  return { ...facts, problems: facts.problems.map((fact) => context.problem(fact)) };
}
