// `baluchon web --help`: what the mode is for, and that its address is good once.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.ts';

async function help(lang: string): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await runCli(['web', '--help'], {
    stdout,
    stderr: new PassThrough(),
    env: { LANG: lang, BALUCHON_DATA_DIR: '/nonexistent-baluchon-test' },
    cwd: '/',
    interrupted: new AbortController().signal,
  });
  expect(code).toBe(0);
  return out;
}

describe('baluchon web --help', () => {
  it('says in French what the mode is for, who can reach it, and that the address serves once', async () => {
    const out = await help('fr_FR.UTF-8');
    expect(out).toContain('l’ordinateur d’un bénévole ou d’une famille');
    expect(out).toContain('l’application de bureau ne peut pas y tourner');
    expect(out).toContain('Seul cet ordinateur peut l’atteindre');
    expect(out).toContain('l’adresse ouverte ne sert qu’une fois');
  });

  it('says the same in English', async () => {
    const out = await help('en_US.UTF-8');
    expect(out).toContain('a volunteer’s or a family’s own computer');
    expect(out).toContain('the desktop app cannot run there');
    expect(out).toContain('Only this computer can reach it');
    expect(out).toContain('the address it opens is good once');
  });
});
