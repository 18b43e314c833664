// Bundles Baluchon's benchmark child the way scripts/desktop.mjs bundles the service process
// (esbuild, one ESM file, better-sqlite3 left outside), so the benchmark measures what the app
// runs — plain JavaScript — and not tsx compiling TypeScript on the fly, which the app never
// pays for (about a third of the child's floor).
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/** Native addons stay outside the bundle, as in the app. */
const external = ['better-sqlite3'];

/**
 * Writes the bundle into `outDir` and returns its path, to run with plain `node`. `entry`: another
 * benchmark's child (bench/photos bundles its own the same way).
 */
export async function bundleChild(
  outDir: string,
  entry = 'bench/webdav/baluchon-child.ts',
): Promise<string> {
  const outfile = join(outDir, `${basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    absWorkingDir: root,
    logLevel: 'warning',
    // Bundled ESM still needs `require` for the CommonJS packages it contains.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    plugins: [
      {
        // The bundle lives in a temporary folder, where no node_modules can be found: the
        // external packages are imported by their absolute path in this checkout instead.
        name: 'external-by-path',
        setup(plugin) {
          plugin.onResolve({ filter: new RegExp(`^(${external.join('|')})$`) }, (args) => ({
            path: require.resolve(args.path),
            external: true,
          }));
        },
      },
    ],
  });
  return outfile;
}
