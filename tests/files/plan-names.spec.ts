import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSegment, maxSegmentBytes } from '../../src/files/name-rules.ts';
import { foldKey, maxPathUnits, planNames } from '../../src/files/plan-names.ts';
import type { PlannedName } from '../../src/files/plan-names.ts';
import { hostileName } from './support/hostile-names.ts';

function targets(paths: string[]): Record<string, string> {
  return Object.fromEntries(
    [...planNames(paths)].map(([path, planned]) => [path, planned.segments.join('/')]),
  );
}

function renamings(planned: Map<string, PlannedName>): { from: string; to: string }[] {
  return [...planned.values()]
    .flatMap((plan) => plan.notes)
    .filter((note) => note.code === 'files.renamed')
    .map((note) => ({ from: String(note.params?.['from']), to: String(note.params?.['to']) }));
}

describe('planNames', () => {
  it('keeps valid, distinct names and the folder tree as they are', () => {
    expect(
      targets([
        'Factures/2024/relevé.pdf',
        'Factures/2024/report(1).pdf',
        'Photos/été.jpg',
        'a.txt',
      ]),
    ).toEqual({
      'Factures/2024/relevé.pdf': 'Factures/2024/relevé.pdf',
      'Factures/2024/report(1).pdf': 'Factures/2024/report(1).pdf',
      'Photos/été.jpg': 'Photos/été.jpg',
      'a.txt': 'a.txt',
    });
  });

  it('names differing only by case become unique, the first by name keeping its own', () => {
    expect(targets(['Docs/IMG.MOV', 'Docs/IMG.mov', 'Docs/img.mov'])).toEqual({
      'Docs/IMG.MOV': 'Docs/IMG.MOV',
      'Docs/IMG.mov': 'Docs/IMG (2).mov',
      'Docs/img.mov': 'Docs/img (3).mov',
    });
  });

  it('names differing only by Unicode normalisation become unique', () => {
    const composed = 'caf\u00e9.txt';
    const decomposed = 'cafe\u0301.txt';
    const result = targets([composed, decomposed]);
    expect(result[composed]).toBe(composed);
    expect(result[decomposed]).toBe('caf\u00e9 (2).txt');
  });

  it('a name the archive really holds keeps it over a renamed one', () => {
    // `a:b.txt` becomes `a_b.txt`, which the archive already has.
    expect(targets(['a:b.txt', 'a_b.txt'])).toEqual({
      'a:b.txt': 'a_b (2).txt',
      'a_b.txt': 'a_b.txt',
    });
    // `x` and `X` clash; `x (2)` exists as it is, so the second one takes `(3)`.
    expect(targets(['X', 'x', 'x (2)'])).toEqual({ X: 'X', x: 'x (3)', 'x (2)': 'x (2)' });
  });

  it('a file and a folder of the same name do not collide', () => {
    expect(targets(['Notes', 'notes/a.txt'])).toEqual({
      Notes: 'Notes',
      'notes/a.txt': 'notes (2)/a.txt',
    });
  });

  it('folders renamed once for all their files, and reported once', () => {
    const planned = planNames(['Été: 2024/b.jpg', 'Été: 2024/a.jpg', 'Été: 2024/c?.jpg']);
    expect(planned.get('Été: 2024/a.jpg')?.segments).toEqual(['Été_ 2024', 'a.jpg']);
    expect(planned.get('Été: 2024/b.jpg')?.segments).toEqual(['Été_ 2024', 'b.jpg']);
    expect(renamings(planned)).toEqual([
      { from: 'Été: 2024/', to: 'Été_ 2024/' },
      { from: 'Été: 2024/c?.jpg', to: 'Été_ 2024/c_.jpg' },
    ]);
    // The folder's note travels with the first file below it, by name.
    expect(planned.get('Été: 2024/a.jpg')?.notes).toHaveLength(1);
  });

  it('shortens a file name so the path fits, keeping the extension', () => {
    const folder = 'Dossier'.repeat(20); // 140 characters
    const file = `${'Compte rendu de la réunion '.repeat(3)}.docx`;
    const planned = planNames([`${folder}/${file}`]).get(`${folder}/${file}`);
    const path = planned?.segments.join('/') ?? '';
    expect(path.length).toBeLessThanOrEqual(maxPathUnits);
    expect(path.endsWith('.docx')).toBe(true);
    expect(planned?.notes.map((note) => note.code)).toEqual(['files.renamed']);
  });

  it('says so when folders alone are too deep for the limit', () => {
    const deep = Array.from({ length: 12 }, (_v, i) => `Sous-dossier numéro ${i}`).join('/');
    const planned = planNames([`${deep}/lettre.pdf`]).get(`${deep}/lettre.pdf`);
    expect(planned?.segments.at(-1)).toBe('lettre.pdf');
    expect(planned?.notes.map((note) => note.code)).toEqual(['files.path-too-long']);
  });

  it('always valid, unique, tree-preserving, reported and stable', () => {
    const pathArbitrary = fc
      .array(fc.oneof(hostileName, fc.constantFrom('a', 'A', 'b', 'Docs', 'docs')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((segments) => segments.map((segment) => (segment === '' ? 'x' : segment)))
      .filter((segments) => segments.every((segment) => !segment.includes('/')))
      .map((segments) => segments.join('/'));
    fc.assert(
      fc.property(
        fc.uniqueArray(pathArbitrary, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 40, max: 260 }),
        (paths, limit) => {
          const planned = planNames(paths, { maxPathUnits: limit });
          expect(planned.size).toBe(paths.length);
          const folded = new Set<string>();
          const fileKeys: string[] = [];
          for (const [path, plan] of planned) {
            const target = plan.segments.join('/');
            for (const segment of plan.segments) {
              expect(isValidSegment(segment), JSON.stringify(segment)).toBe(true);
              expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(maxSegmentBytes);
            }
            expect(plan.segments).toHaveLength(path.split('/').length);
            if (target.length > limit) {
              expect(plan.notes.map((note) => note.code)).toContain('files.path-too-long');
            }
            const key = plan.segments.map(foldKey).join('/');
            expect(folded.has(key), target).toBe(false);
            folded.add(key);
            fileKeys.push(key);
          }
          // No file sits where another file's folder is.
          for (const key of fileKeys) {
            expect(fileKeys.some((other) => other.startsWith(`${key}/`))).toBe(false);
          }
          // One original folder ↔ one target folder.
          const folderMap = new Map<string, string>();
          const reverse = new Map<string, string>();
          for (const [path, plan] of planned) {
            const original = path.split('/');
            for (let depth = 1; depth < original.length; depth++) {
              const from = original.slice(0, depth).join('/');
              const to = plan.segments.slice(0, depth).map(foldKey).join('/');
              expect(folderMap.get(from) ?? to).toBe(to);
              folderMap.set(from, to);
              expect(reverse.get(to) ?? from).toBe(from);
              reverse.set(to, from);
            }
          }
          // Every renaming is reported exactly once.
          const reported = renamings(planned).map((renaming) => renaming.from);
          expect(new Set(reported).size).toBe(reported.length);
          const renamed = new Set<string>();
          for (const [path, plan] of planned) {
            const original = path.split('/');
            original.forEach((segment, depth) => {
              const folder = depth < original.length - 1 ? '/' : '';
              if (plan.segments[depth] !== segment)
                renamed.add(original.slice(0, depth + 1).join('/') + folder);
            });
          }
          expect(new Set(reported)).toEqual(renamed);
          // The same paths in another order give the same names.
          const again = planNames([...paths].reverse(), { maxPathUnits: limit });
          for (const [path, plan] of planned) {
            expect(again.get(path)?.segments).toEqual(plan.segments);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
