// Builds the renderer once before the end-to-end tests, so parallel workers do not each build.
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from '../../src/web/renderer-build.ts';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt(fileURLToPath(new URL('../../', import.meta.url)), () => undefined);
}
