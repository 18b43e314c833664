// The app's own data folder (journal, caches, reports). The CLI uses the same folder as the
// desktop app (Electron's userData for an app named "Baluchon"), so a run started in one can be
// resumed or undone in the other. BALUCHON_DATA_DIR overrides it (tests, portable use).
import { join } from 'node:path';

export function defaultDataDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  home: string,
): string {
  const override = env['BALUCHON_DATA_DIR'];
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Baluchon');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Baluchon');
  const config = env['XDG_CONFIG_HOME'];
  return join(config !== undefined && config !== '' ? config : join(home, '.config'), 'Baluchon');
}
