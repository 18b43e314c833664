// What the "Your new home" step hands to "Connect": the chosen host and how to reach it.
export interface ConnectPreset {
  /** The host's name, to show ("Zaclys"), or null when the family typed an address themselves. */
  hostName: string | null;
  /** The address to start from: a URL, a host name, or an e-mail address. */
  serverAddress: string;
  /** The host runs Nextcloud: the family can log in through their browser. */
  loginFlowV2: boolean;
}
