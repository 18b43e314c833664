import { describe, expect, it } from 'vitest';
import {
  choiceFromDirectory,
  choiceFromProvisioning,
  httpsOnly,
} from '../../../renderer/src/hosts/host-choice.ts';
import type { HostDetails } from '../../../renderer/src/hosts/host-choice.ts';
import { suggestion } from './suggestion.ts';

const nextcloud = {
  software: 'nextcloud',
  label: 'Nextcloud',
  templates: {
    caldav: '/remote.php/dav/calendars/{user}/',
    carddav: '/remote.php/dav/addressbooks/users/{user}/',
    webdav: '/remote.php/dav/files/{user}/',
  },
  wellKnown: true,
  loginFlowV2: true,
} as const;

const host = suggestion({
  id: 'infini',
  name: 'Infini',
  website: 'https://www.infini.fr/',
  offers: ['files', 'calendars'],
});

function details(overrides: Partial<HostDetails>): HostDetails {
  return {
    host: {
      id: 'infini',
      name: 'Infini',
      website: 'https://www.infini.fr/',
      country: 'FR',
      city: 'Brest',
      services: [],
      checked: '2026-11-24',
    },
    preset: null,
    serverHint: null,
    ...overrides,
  };
}

describe('httpsOnly', () => {
  it('keeps secure addresses only', () => {
    expect(httpsOnly('https://example.org/')).toBe('https://example.org/');
    expect(httpsOnly('http://www.marsnet.org/')).toBeNull();
    expect(httpsOnly('javascript:alert(1)')).toBeNull();
    expect(httpsOnly('not a url')).toBeNull();
    expect(httpsOnly(null)).toBeNull();
  });
});

describe('choiceFromDirectory', () => {
  it('carries the preset and the server the sources give', () => {
    const choice = choiceFromDirectory(
      host,
      details({ preset: nextcloud, serverHint: 'https://cloud.infini.fr/' }),
    );
    expect(choice).toEqual({
      from: 'directory',
      hostId: 'infini',
      hostName: 'Infini',
      website: 'https://www.infini.fr/',
      serverAddress: 'https://cloud.infini.fr/',
      software: 'nextcloud',
      preset: nextcloud,
      loginFlowV2: true,
      login: null,
      offers: ['files', 'calendars'],
      help: null,
      warnings: [],
    });
  });

  it('leaves the server to Connect when the hint is not secure or the details are missing', () => {
    expect(
      choiceFromDirectory(host, details({ serverHint: 'http://cloud.infini.fr/' })).serverAddress,
    ).toBeNull();
    const bare = choiceFromDirectory(host, undefined);
    expect(bare.preset).toBeNull();
    expect(bare.loginFlowV2).toBe(false);
    expect(bare.website).toBe('https://www.infini.fr/');
  });
});

describe('choiceFromProvisioning', () => {
  it('carries everything the host’s file says', () => {
    const choice = choiceFromProvisioning({
      provisioning: {
        baluchon: 'provisioning',
        version: 1,
        host: { name: 'La Mère Zaclys', website: 'https://www.zaclys.com/' },
        server: 'https://cloud.example.org/',
        software: 'nextcloud',
        services: ['calendars', 'contacts'],
        login: 'browser',
        help: 'https://www.example.org/aide',
      },
      preset: nextcloud,
      serverAddress: 'https://cloud.example.org/',
      serverHost: 'cloud.example.org',
      warnings: [],
    });
    expect(choice).toEqual({
      from: 'provisioning',
      hostId: null,
      hostName: 'La Mère Zaclys',
      website: 'https://www.zaclys.com/',
      serverAddress: 'https://cloud.example.org/',
      software: 'nextcloud',
      preset: nextcloud,
      loginFlowV2: true,
      login: 'browser',
      offers: ['calendars', 'contacts'],
      help: 'https://www.example.org/aide',
      warnings: [],
    });
  });

  it('connects to the address in punycode the service gives, with its warnings', () => {
    const warning = {
      kind: 'international-address',
      serverHost: 'xn--clud-65d.example.org',
    } as const;
    const choice = choiceFromProvisioning({
      provisioning: {
        baluchon: 'provisioning',
        version: 1,
        host: { name: 'Cloud' },
        server: 'https://clоud.example.org/',
        software: 'nextcloud',
        services: ['files'],
        login: 'browser',
      },
      preset: nextcloud,
      serverAddress: 'https://xn--clud-65d.example.org/',
      serverHost: 'xn--clud-65d.example.org',
      warnings: [warning],
    });
    expect(choice.serverAddress).toBe('https://xn--clud-65d.example.org/');
    expect(choice.warnings).toEqual([warning]);
  });
});
