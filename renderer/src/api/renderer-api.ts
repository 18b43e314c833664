// What the screens use to talk to the service. The contract gives the commands and events
// (BaluchonApi); each transport adds the two things only it can do: turn a dropped or chosen
// File into a path the service can open, and open a web page in the user's browser.
import type { BaluchonApi } from '../../../src/contract/index.ts';

export type RendererApi = BaluchonApi & {
  /** A path the service can read: Electron knows it; the browser uploads the file first. */
  pathForFile(file: File, onProgress?: (sent: number, total: number) => void): Promise<string>;
  /** Opens an https link in the user's own browser, outside Baluchon. */
  openExternal(url: string): Promise<void>;
};

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser (`baluchon web`). */
    baluchon?: RendererApi;
  }
}
