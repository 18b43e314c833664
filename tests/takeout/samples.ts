// The real Google-written samples (tests/fixtures/google-samples, see SOURCES.md there for where
// each one comes from and under which licence).
import { createReadStream, readdirSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const samplesDir = fileURLToPath(new URL('../fixtures/google-samples/', import.meta.url));

export function sample(name: string): Readable {
  return createReadStream(`${samplesDir}${name}`);
}

export function sampleNames(extension: string): string[] {
  return readdirSync(samplesDir)
    .filter((name) => name.endsWith(extension))
    .sort();
}
