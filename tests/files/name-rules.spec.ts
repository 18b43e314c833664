import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidSegment,
  limitBytes,
  maxSegmentBytes,
  segmentFaults,
  splitExtension,
  validSegment,
} from '../../src/files/name-rules.ts';
import { hostileName } from './support/hostile-names.ts';

describe('validSegment', () => {
  it.each([
    [
      'forbidden characters become _',
      'Factures: 2024/01 <copie>?.pdf',
      'Factures_ 2024_01 _copie__.pdf',
    ],
    ['backslash and pipe', 'a\\b|c*d"e', 'a_b_c_d_e'],
    ['control characters', 'bad\u0000name\u001f\u007f.txt', 'bad_name__.txt'],
    ['trailing dots and spaces go', 'Fotos de . . ', 'Fotos de'],
    ['only dots', '...', '_'],
    ['only spaces', '   ', '_'],
    ['device name', 'CON', 'CON_'],
    ['device name with extension', 'con.txt', 'con_.txt'],
    ['device name with two extensions', 'LPT9.tar.gz', 'LPT9_.tar.gz'],
    ['device name with superscript digit', 'COM¹.log', 'COM¹_.log'],
    ['device name followed by a space', 'NUL .txt', 'NUL _.txt'],
    ['COM0 is reserved too', 'com0', 'com0_'],
    ['.htaccess', '.htaccess', '_htaccess'],
    ['.HTACCESS in capitals', '.HTACCESS', '_HTACCESS'],
    ['mod_dav_fs state folder', '.DAV', '_DAV'],
    ['Nextcloud unfinished upload', 'film.part', 'film_part'],
    ['in capitals', 'film.PART', 'film_PART'],
    ['partial download of a browser', 'x.filepart', 'x_filepart'],
    ['a bare .part', '.part', '_part'],
    ['decomposed accents become composed', 'Rele\u0301ve\u0301.pdf', 'Rel\u00e9v\u00e9.pdf'],
    ['lone surrogate', 'a\ud800b', 'a_b'],
  ])('%s', (_quirk, name, expected) => {
    expect(validSegment(name)).toBe(expected);
    expect(segmentFaults(expected)).toEqual([]);
  });

  it.each([
    'Relevé de compte.pdf',
    'report(1).pdf',
    '.bashrc',
    'CONTRAT.pdf',
    'console.log',
    'nul-et-non-avenu.txt',
    'partie.parts',
    'Photo 😀.jpg',
    'Filme\u00a0_ Serien',
  ])('keeps the valid name %j', (name) => {
    expect(validSegment(name)).toBe(name);
  });

  it('shortens an over-long name to 250 bytes and keeps its extension', () => {
    const name = `${'é'.repeat(200)}.docx`;
    const result = validSegment(name);
    expect(Buffer.byteLength(result)).toBeLessThanOrEqual(maxSegmentBytes);
    expect(result).toBe(`${'é'.repeat(122)}.docx`);
  });

  it('never cuts an emoji or an accent in two', () => {
    const family = '👩‍👩‍👧'; // 18 bytes, one grapheme
    const result = validSegment(family.repeat(20));
    expect(Buffer.byteLength(result)).toBeLessThanOrEqual(maxSegmentBytes);
    expect(result).toBe(family.repeat(13));
  });

  it('treats a long dotted sentence as having no extension', () => {
    expect(splitExtension('Compte rendu. Réunion du mardi')).toEqual({
      stem: 'Compte rendu. Réunion du mardi',
      extension: '',
    });
    expect(splitExtension('archive.tar')).toEqual({ stem: 'archive', extension: '.tar' });
    expect(splitExtension('.bashrc')).toEqual({ stem: '.bashrc', extension: '' });
  });

  it('shortening never leaves a trailing dot or space', () => {
    expect(limitBytes(`${'a'.repeat(10)}.   ${'b'.repeat(10)}`, 13)).toBe('a'.repeat(10));
  });

  it('always gives a valid name', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        expect(segmentFaults(validSegment(name))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves valid names alone, so it is stable', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const once = validSegment(name);
        expect(validSegment(once)).toBe(once);
        if (isValidSegment(name)) expect(once).toBe(name);
      }),
      { numRuns: 3000 },
    );
  });
});
