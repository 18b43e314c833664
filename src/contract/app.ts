// Commands about the application itself: version, language, where its data lives, forgetting.
import { z } from 'zod';
import { command } from './define.ts';

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

export const AppInfo = z.object({
  name: z.literal('Baluchon'),
  version: z.string(),
  locale: Locale,
  /** 'desktop' in Electron, 'web' through `baluchon web`, 'cli' headless. */
  mode: z.enum(['desktop', 'web', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appCommands = {
  appInfo: command(z.object({}), AppInfo),
  setLocale: command(z.object({ locale: Locale }), AppInfo),
  /**
   * "Forget everything": the volunteer's last step before the next family. Stops what is running
   * and removes every trace Baluchon kept on this computer (journal, reports, received archive
   * copies, passwords, caches). Nothing on the servers is touched. `stateDir`: a journal kept
   * elsewhere (`migrate --state DIR`) is forgotten too.
   */
  forgetEverything: command(
    z.object({ stateDir: z.string().min(1).optional() }),
    z.object({ removed: z.array(z.string()) }),
  ),
};
