// Each warning about a provisioning file reads as a full sentence in French and in English,
// with the server and the host it is about.
import { describe, expect, it } from 'vitest';
import { provisioningWarningWords } from '../../../renderer/src/hosts/provisioning-warnings.ts';
import type { ProvisioningWarning } from '../../../src/contract/index.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';

const warnings: ProvisioningWarning[] = [
  { kind: 'international-address', serverHost: 'xn--clud-65d.zaclys.com' },
  {
    kind: 'other-domain',
    directoryHost: 'Zaclys (La Mère Zaclys)',
    serverHost: 'cloud.zaclys-secure.example',
    knownDomains: ['zaclys.com', 'zaclys.net'],
  },
];

describe('provisioningWarningWords', () => {
  it.each(['fr', 'en'] as const)('says each warning in plain words in %s', (lang) => {
    const t = createI18n(lang).t;
    const list = (items: readonly string[]): string =>
      new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
    const [international, other] = warnings.map((warning) => {
      const words = provisioningWarningWords(warning, list);
      return t(`wizard:${words.key}`, words.params);
    });
    expect(international).toContain('xn--clud-65d.zaclys.com');
    expect(other).toContain('Zaclys (La Mère Zaclys)');
    expect(other).toContain('cloud.zaclys-secure.example');
    expect(other).toContain('zaclys.com');
    expect(other).toContain('zaclys.net');
    for (const sentence of [international, other]) {
      expect(sentence).not.toMatch(/\{\{|home\.provisioning/);
      expect(sentence?.length).toBeGreaterThan(60);
    }
  });
});
