// Runs one planning path in a child process, so its memory high-water mark is its own:
// `before|after <parts…>` prints how long it took, what it planned and what it read.
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { planAfter } from './plan-after.ts';
import { planBefore } from './plan-before.ts';

const [mode, ...paths] = process.argv.slice(2);
const t = createI18n('fr').t;
const signal = new AbortController().signal;
const start = performance.now();
const figures =
  mode === 'before' ? await planBefore(paths, t, signal) : await planAfter(paths, t, signal);
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssKiB: process.resourceUsage().maxRSS,
    ...figures,
    reads: {
      entriesOpened: figures.reads.entriesOpened,
      partsInflated: figures.reads.partsInflated,
    },
  }),
);
