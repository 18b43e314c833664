// The benchmark's data, generated in a temporary folder: the same files twice, as a Google
// Takeout archive (what Baluchon reads) and as plain files on disk (what the baselines read).
// Random bytes, stored uncompressed in the zip, as photos and videos are.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { partName } from '../../tests/fixtures/takeout/build-takeout.ts';
import { ZipWriter } from '../../tests/fixtures/takeout/zip-writer.ts';

export interface Scenario {
  readonly name: 'small' | 'large';
  readonly files: number;
  readonly fileBytes: number;
  readonly perFolder: number;
}

export interface ScenarioData {
  readonly scenario: Scenario;
  /** Plain files: `<dir>/Dossier 000/fichier 0000.bin`… */
  readonly dir: string;
  /** The Takeout archive's parts. */
  readonly parts: string[];
  readonly bytes: number;
}

const mtime = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));
/** Parts stay under the 4 GiB a zip without ZIP64 can address. */
const maxPartBytes = 1.5 * 1024 * 1024 * 1024;

export function generate(root: string, scenario: Scenario): ScenarioData {
  const dir = join(root, `${scenario.name}-files`);
  const archives = join(root, `${scenario.name}-archive`);
  mkdirSync(archives, { recursive: true });
  const relative: string[] = [];
  for (let index = 0; index < scenario.files; index++) {
    const folder = `Dossier ${String(Math.floor(index / scenario.perFolder)).padStart(3, '0')}`;
    const file = `fichier ${String(index).padStart(5, '0')}.bin`;
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, file), randomBytes(scenario.fileBytes));
    relative.push(`${folder}/${file}`);
  }
  const parts: string[] = [];
  let writer: ZipWriter | null = null;
  for (const path of relative) {
    if (writer === null || writer.bytesWritten + scenario.fileBytes > maxPartBytes) {
      writer?.finish();
      const part = join(archives, partName('20250314T091500Z', parts.length, '.zip'));
      parts.push(part);
      writer = new ZipWriter(part);
    }
    writer.add({
      name: `Takeout/Drive/${path}`,
      data: readFileSync(join(dir, path)),
      method: 'store',
      mtime,
      extendedTime: true,
    });
  }
  writer?.finish();
  return { scenario, dir, parts, bytes: scenario.files * scenario.fileBytes };
}
