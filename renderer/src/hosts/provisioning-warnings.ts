// The service's warnings about a provisioning file (src/hosts/provisioning/provisioning-trust.ts),
// as sentences: where the provisioned host is shown, the family reads them before going on.
import type { ProvisioningWarning } from '../../../src/contract/index.ts';

export interface WarningWords {
  key: string;
  params: Record<string, string>;
}

export function provisioningWarningWords(
  warning: ProvisioningWarning,
  list: (items: readonly string[]) => string,
): WarningWords {
  switch (warning.kind) {
    case 'international-address':
      return { key: 'home.provisioning.warnInternational', params: { server: warning.serverHost } };
    case 'other-domain':
      return {
        key: 'home.provisioning.warnOtherDomain',
        params: {
          host: warning.directoryHost,
          server: warning.serverHost,
          domains: list(warning.knownDomains),
        },
      };
  }
}
