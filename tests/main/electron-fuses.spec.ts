// The packaged app's Electron fuses (electron-builder.yml, `electronFuses`): switches baked into
// the binary that no environment variable or command-line flag can turn back on. Read with a
// YAML 1.2 parser as electron-builder does, and checked against electron-builder's own schema
// so a misspelt key (silently ignored at packaging) fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const config: unknown = parse(readFileSync(new URL('electron-builder.yml', root), 'utf8'));
// electron-builder validates its configuration against this schema before packaging.
const schema = JSON.parse(
  readFileSync(new URL('node_modules/app-builder-lib/scheme.json', root), 'utf8'),
) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };

/** A top-level field of a parsed YAML document, undefined when absent. */
function fieldOf(document: unknown, key: string): unknown {
  if (typeof document !== 'object' || document === null) return undefined;
  return (document as Record<string, unknown>)[key];
}

describe('Electron fuses in electron-builder.yml', () => {
  const found = fieldOf(config, 'electronFuses');
  const fuses: Record<string, unknown> =
    typeof found === 'object' && found !== null ? { ...found } : {};

  it('turn off every way to run the binary as a plain Node or to attach a debugger', () => {
    // ELECTRON_RUN_AS_NODE (the service runs in a utilityProcess, not a forked Node).
    expect(fuses['runAsNode']).toBe(false);
    // NODE_OPTIONS and NODE_EXTRA_CA_CERTS from the environment.
    expect(fuses['enableNodeOptionsEnvironmentVariable']).toBe(false);
    // --inspect, --inspect-brk and SIGUSR1.
    expect(fuses['enableNodeCliInspectArguments']).toBe(false);
  });

  it('encrypt cookies and load the app only from its checked asar archive', () => {
    expect(fuses['enableCookieEncryption']).toBe(true);
    expect(fuses['enableEmbeddedAsarIntegrityValidation']).toBe(true);
    expect(fuses['onlyLoadAppFromAsar']).toBe(true);
    // The window is served by app://, never file://: file pages get no extra rights.
    expect(fuses['grantFileProtocolExtraPrivileges']).toBe(false);
  });

  it('use only key names electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).length).toBeGreaterThan(0);
    expect(Object.keys(fuses).filter((key) => !known.includes(key))).toEqual([]);
  });

  it('keep the app in an asar archive, which the last two fuses need', () => {
    // Absent means the default, an asar archive.
    expect(fieldOf(config, 'asar')).not.toBe(false);
  });
});
