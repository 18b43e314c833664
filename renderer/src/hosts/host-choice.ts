// What "Your new home" hands to "Connect": the host the family chose and how to reach it, as far
// as Baluchon knows. Every field may be missing except the name: Connect asks for the rest
// (and its discovery, RFC 6764, stays the authority on where the calendars and contacts live).
import type {
  CommandOutput,
  HostSuggestion,
  Need,
  ProvisioningWarning,
} from '../../../src/contract/index.ts';

export type ConnectionPreset = NonNullable<CommandOutput<'hostDetails'>['preset']>;
export type HostDetails = CommandOutput<'hostDetails'>;
export type ProvisioningRead = CommandOutput<'readProvisioning'>;

export interface HostChoice {
  /** The CHATONS directory (chosen in the list), or a file or link the host gave. */
  from: 'directory' | 'provisioning';
  /** The directory's id; null for a provisioning file. */
  hostId: string | null;
  hostName: string;
  /** The host's own pages (https only; null when unknown or not secure). */
  website: string | null;
  /**
   * The server to connect to, when the sources or the file give it; else Connect asks. From a
   * file, its host name in punycode when not plain ASCII (the service computes it).
   */
  serverAddress: string | null;
  software: ConnectionPreset['software'] | null;
  /** Where the software keeps calendars, contacts and files, to guess before discovering. */
  preset: ConnectionPreset | null;
  /** The software offers Nextcloud's browser login (Login Flow v2): no password typed in Baluchon. */
  loginFlowV2: boolean;
  /** How the host asks its members to log in (its provisioning file); null when it does not say. */
  login: 'browser' | 'app-password' | null;
  /** What the account offers among what the family moves, as far as Baluchon knows. */
  offers: Need[];
  /** A page where the host explains its service to new members. */
  help: string | null;
  /** What the family should check about a provisioning file before trusting it. */
  warnings: ProvisioningWarning[];
}

export const httpsOnly = (url: string | null | undefined): string | null => {
  if (url === null || url === undefined) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/**
 * From the directory: the host's details when they could be read (the preset and a server
 * address, when the sources give them), else only what the list knew.
 */
export function choiceFromDirectory(
  suggestion: Pick<HostSuggestion, 'id' | 'name' | 'website' | 'offers'>,
  details: HostDetails | undefined,
): HostChoice {
  const preset = details?.preset ?? null;
  return {
    from: 'directory',
    hostId: suggestion.id,
    hostName: suggestion.name,
    website: httpsOnly(details?.host.website ?? suggestion.website),
    serverAddress: httpsOnly(details?.serverHint),
    software: preset?.software ?? null,
    preset,
    loginFlowV2: preset?.loginFlowV2 ?? false,
    login: null,
    offers: [...suggestion.offers],
    help: null,
    warnings: [],
  };
}

export function choiceFromProvisioning(read: ProvisioningRead): HostChoice {
  const { provisioning, preset, serverAddress, warnings } = read;
  return {
    from: 'provisioning',
    hostId: null,
    hostName: provisioning.host.name,
    website: httpsOnly(provisioning.host.website),
    serverAddress,
    software: provisioning.software,
    preset,
    loginFlowV2: preset.loginFlowV2,
    login: provisioning.login,
    offers: [...provisioning.services],
    help: httpsOnly(provisioning.help),
    warnings: [...warnings],
  };
}
