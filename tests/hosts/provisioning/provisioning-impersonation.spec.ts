// A provisioning file arrives from outside (an e-mail, a web page): it must not be able to
// dress one server up as another host's. Invisible format characters are refused, naming the
// field; a server's host name is shown in punycode when it is not plain ASCII; a file that
// names a host of the directory but points elsewhere is read with a warning.
import { describe, expect, it } from 'vitest';
import { readProvisioning } from '../../../src/hosts/provisioning/provisioning.ts';
import {
  provisioningWarnings,
  shownServer,
} from '../../../src/hosts/provisioning/provisioning-trust.ts';
import type { Host } from '../../../src/hosts/directory/directory-schema.ts';
import { createI18n, describeError } from '../../../src/i18n/create-i18n.ts';
import { BaluchonError } from '../../../src/errors/baluchon-error.ts';

const valid = {
  baluchon: 'provisioning',
  version: 1,
  host: { name: 'La Mère Zaclys', website: 'https://www.zaclys.com/' },
  server: 'https://cloud.zaclys.com/',
  software: 'nextcloud',
  services: ['files', 'calendars', 'contacts'],
  login: 'browser',
};
const text = (value: unknown): string => JSON.stringify(value);
function errorOf(input: string): BaluchonError | undefined {
  try {
    readProvisioning(input);
    return undefined;
  } catch (error) {
    if (error instanceof BaluchonError) return error;
    throw error;
  }
}

describe('invisible format characters (\\p{Cf})', () => {
  it.each([
    ['a right-to-left override in the name', { host: { name: 'Zaclys\u202Egpj.exe' } }, 'name'],
    ['a zero-width space in the name', { host: { name: 'Zac\u200Blys' } }, 'name'],
    ['a zero-width joiner in the server', { server: 'https://cloud.zac\u200Dlys.com/' }, 'server'],
    [
      'a bidi isolate in the website',
      { host: { name: 'Zaclys', website: 'https://www.zaclys.com/\u2066x' } },
      'website',
    ],
    ['a soft hyphen in the help page', { help: 'https://zaclys.com/ai\u00ADde' }, 'help'],
    ['a word joiner before the name', { host: { name: '\u2060Zaclys' } }, 'name'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    const error = errorOf(text({ ...valid, ...change }));
    expect(error?.code).toBe('hosts.provisioning-hidden-characters');
    expect(error?.details).toEqual({ field });
  });

  it('refuses them in a link too', () => {
    const link =
      'baluchon://provision?v=1&name=Zaclys%E2%80%AE&server=https%3A%2F%2Fcloud.zaclys.com&software=nextcloud&services=files';
    expect(errorOf(link)?.details).toEqual({ field: 'name' });
  });

  it('says so in plain words, naming the field, in French and English', () => {
    const error = errorOf(text({ ...valid, server: 'https://a\u200B.example/' }));
    const details = error?.details ?? {};
    const fr = describeError(createI18n('fr').t, error?.code ?? '', details);
    const en = describeError(createI18n('en').t, error?.code ?? '', details);
    expect(fr).toContain('l’adresse du serveur');
    expect(en).toContain('the server’s address');
    for (const field of ['name', 'website', 'server', 'help', 'other']) {
      for (const lang of ['fr', 'en'] as const) {
        const shown = describeError(createI18n(lang).t, 'hosts.provisioning-hidden-characters', {
          field,
        });
        expect(shown, `${lang} ${field}`).not.toMatch(/\$t|\{\{|fields\.|hidden-characters/);
      }
    }
  });

  it('still reads a byte order mark at the start and accented names', () => {
    expect(readProvisioning(`\uFEFF${text(valid)}`).host.name).toBe('La Mère Zaclys');
  });
});

describe('shownServer', () => {
  it('shows a host name that is not plain ASCII in punycode, and says so', () => {
    expect(shownServer('https://clоud.zaclys.com/')).toEqual({
      address: 'https://xn--clud-65d.zaclys.com/',
      host: 'xn--clud-65d.zaclys.com',
      international: true,
    });
    expect(shownServer('https://bücher.example/dav')).toEqual({
      address: 'https://xn--bcher-kva.example/dav',
      host: 'xn--bcher-kva.example',
      international: true,
    });
  });

  it('says so of an address already written in punycode too', () => {
    expect(shownServer('https://xn--bcher-kva.example/').international).toBe(true);
  });

  it('leaves a plain ASCII address as it was given', () => {
    expect(shownServer('https://cloud.zaclys.com')).toEqual({
      address: 'https://cloud.zaclys.com',
      host: 'cloud.zaclys.com',
      international: false,
    });
  });
});

function host(overrides: Partial<Host>): Host {
  return {
    id: 'zaclys',
    name: 'Zaclys (La Mère Zaclys)',
    website: 'https://www.zaclys.com/',
    country: 'FR',
    city: null,
    postcode: null,
    location: null,
    membership: { confidence: 'high', source: 'test' },
    services: [],
    notes: [],
    sources: {},
    checked: '2026-11-24',
    origin: 'snapshot',
    ...overrides,
  };
}

const directory: Host[] = [
  host({}),
  host({
    id: 'framasoft',
    name: 'Framasoft',
    website: 'https://framasoft.org/',
    services: [
      {
        kind: 'files',
        software: 'Nextcloud',
        softwareId: 'nextcloud',
        url: 'https://www.frama.space/abc/',
        registration: 'open',
        audience: 'both',
        price: null,
        signupUrl: null,
        source: 'test',
      },
    ],
  }),
];
const read = (change: Record<string, unknown>) => readProvisioning(text({ ...valid, ...change }));

describe('provisioningWarnings', () => {
  it('warns when a file names a host of the directory but points to another domain', () => {
    const warnings = provisioningWarnings(
      read({ server: 'https://cloud.zaclys-secure.example/' }),
      directory,
    );
    expect(warnings).toEqual([
      {
        kind: 'other-domain',
        directoryHost: 'Zaclys (La Mère Zaclys)',
        serverHost: 'cloud.zaclys-secure.example',
        knownDomains: ['zaclys.com'],
      },
    ]);
  });

  it('recognises the host by any of its names, whatever the accents and case', () => {
    for (const name of ['Zaclys', 'la mere zaclys', 'ZACLYS (La Mère Zaclys)']) {
      const warnings = provisioningWarnings(
        read({ host: { name }, server: 'https://evil.example/' }),
        directory,
      );
      expect(
        warnings.map((warning) => warning.kind),
        name,
      ).toEqual(['other-domain']);
    }
  });

  it('recognises the host by its website even under another name', () => {
    const warnings = provisioningWarnings(
      read({
        host: { name: 'Cloud', website: 'https://framasoft.org/' },
        server: 'https://x.example/',
      }),
      directory,
    );
    expect(warnings).toMatchObject([{ kind: 'other-domain', directoryHost: 'Framasoft' }]);
  });

  it('is quiet when the server is on one of the host’s domains', () => {
    expect(provisioningWarnings(read({}), directory)).toEqual([]);
    expect(
      provisioningWarnings(
        read({ host: { name: 'Framasoft' }, server: 'https://nuage.frama.space/' }),
        directory,
      ),
    ).toEqual([]);
  });

  it('is quiet for a host the directory does not know', () => {
    expect(
      provisioningWarnings(
        read({ host: { name: 'Chez Nous' }, server: 'https://nous.example/' }),
        directory,
      ),
    ).toEqual([]);
  });

  it('warns when the server’s name is not plain ASCII', () => {
    expect(
      provisioningWarnings(
        read({ host: { name: 'Chez Nous' }, server: 'https://nоus.example/' }),
        directory,
      ),
    ).toEqual([{ kind: 'international-address', serverHost: 'xn--nus-sed.example' }]);
  });
});
