import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanProgress, ScanReport } from '../../src/contract/index.ts';
import type { BaluchonEvent } from '../../src/contract/index.ts';
import { createService } from '../../src/service/create-service.ts';
import { goodEntries } from '../fixtures/takeout/hostile-fixtures.ts';
import { writeZip } from '../fixtures/takeout/zip-writer.ts';

let dir: string;
let archive: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baluchon-service-'));
  archive = join(dir, 'takeout-20250314T091500Z-001.zip');
  writeZip(archive, [
    ...goodEntries,
    { name: 'Takeout/../../evil.sh', data: Buffer.from('x') },
    { name: 'Takeout/Drive/Sondage.gform', data: Buffer.from('{}') },
  ]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function setup(locale: 'fr' | 'en') {
  let next = 0;
  const service = createService({
    mode: 'cli',
    locale,
    dataDir: '/nonexistent',
    newId: () => `job-${++next}`,
  });
  const events: BaluchonEvent[] = [];
  const ended = new Promise<Extract<BaluchonEvent, { type: 'job.end' }>>((resolve) => {
    service.subscribe((event) => {
      events.push(event);
      if (event.type === 'job.end') resolve(event);
    });
  });
  return { service, events, ended };
}

describe('startScan', () => {
  it('runs a scan job whose result carries every reason in the service’s language', async () => {
    const { service, events, ended } = setup('fr');
    const started = await service.call('startScan', { paths: [archive] });
    expect(started).toEqual({ ok: true, value: { jobId: 'job-1' } });
    const end = await ended;
    expect(end).toMatchObject({ jobId: 'job-1', kind: 'scan', outcome: 'done' });
    const report = ScanReport.parse(end.outcome === 'done' ? end.result : null);
    expect(report.calendars).toMatchObject([{ name: 'Famille', events: 3 }]);
    expect(report.problems).toEqual([
      {
        code: 'takeout.unsafe-path',
        where: 'Takeout/../../evil.sh',
        reason:
          'Le nom de ce fichier pointe en dehors de l’archive, une ruse utilisée pour écraser des fichiers sur un ordinateur. Baluchon l’a mis de côté.',
      },
    ]);
    expect(report.files.cannotMove).toEqual([
      {
        where: 'Drive/Sondage.gform',
        kind: 'form',
        reason:
          'Un formulaire Google n’existe que chez Google et ne peut pas être copié. Vous pouvez garder ses réponses en les téléchargeant depuis Google Forms.',
      },
    ]);
    // The problem was also sent as it was found, and progress went by.
    expect(events.filter((event) => event.type === 'job.problem')).toHaveLength(1);
    const progress = events.flatMap((event) =>
      event.type === 'job.progress' ? [event.progress] : [],
    );
    expect(progress.length).toBeGreaterThan(0);
    for (const item of progress) ScanProgress.parse(item);
    service.close();
  });

  it('answers at once when a path does not exist', async () => {
    const { service } = setup('en');
    const result = await service.call('startScan', { paths: [join(dir, 'nowhere.zip')] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'path-not-found', details: { path: join(dir, 'nowhere.zip') } },
    });
    service.close();
  });

  it('fails the job, with a coded error, when nothing at all could be read', async () => {
    const { service, ended } = setup('en');
    const html = join(dir, 'takeout-20250314T091500Z-002.zip');
    writeFileSync(html, '<html>expired</html>');
    await service.call('startScan', { paths: [html] });
    expect(await ended).toMatchObject({
      outcome: 'failed',
      error: {
        code: 'takeout.nothing-readable',
        message: 'Baluchon could not read anything from these archives.',
      },
    });
    service.close();
  });

  it('is cancelled by cancelJob', async () => {
    const { service, ended } = setup('en');
    await service.call('startScan', { paths: [archive] });
    expect(await service.call('cancelJob', { jobId: 'job-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await ended).toMatchObject({ outcome: 'cancelled', error: { code: 'cancelled' } });
    service.close();
  });
});
