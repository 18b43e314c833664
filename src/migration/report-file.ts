// The report kept as a file the volunteer (or the family) can open later in any browser: one
// self-contained HTML page in the family's language, plus the same report as JSON beside it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationReport } from '../contract/migrate.ts';
import { migrationKinds as kinds, reportColumns as columns } from '../contract/migrate.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { formatSize } from '../i18n/format-size.ts';
import { headlineKey, keptSentences, leftSentence, sourceContext } from './report-words.ts';

export async function saveReportFile(
  report: MigrationReport,
  dir: string,
  t: Translator,
  language: string,
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stamp = report.endedAt.replace(/[:.]/g, '-').slice(0, 19);
  const base = join(dir, `baluchon-${stamp}-${report.runId}`);
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
  await writeFile(`${base}.html`, reportHtml(report, t, language), { mode: 0o600 });
  return `${base}.html`;
}

export function reportHtml(report: MigrationReport, t: Translator, language: string): string {
  const date = (iso: string): string =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const number = (value: number): string => new Intl.NumberFormat(language).format(value);
  const shown = kinds.filter((kind) => report[kind].found > 0);
  const size = (bytes: number): string => formatSize(bytes, t, language);
  // Each kind's counts, then what stayed at the source and why, as on the Done screen.
  const from = sourceContext(report);
  const rows = shown
    .map((kind) => {
      const counts = `<tr><th scope="row">${e(t(`migration:report.kind.${kind}`))}</th>${columns
        .map((column) => `<td>${number(report[kind][column])}</td>`)
        .join('')}</tr>`;
      const left = report[kind].left.map(
        (one) => `<li>${e(leftSentence(t, report, kind, one, size, language))}</li>`,
      );
      return left.length === 0
        ? counts
        : `${counts}\n<tr class="left"><td colspan="${columns.length + 1}"><ul>${left.join('')}</ul></td></tr>`;
    })
    .join('\n');
  // "No place for this kind on the account" is said in the kind's row, as on the Done screen.
  const problems = [...report.problems, ...kinds.flatMap((kind) => report[kind].problems)].filter(
    (problem) =>
      !/^migration\.no-(calendars|tasks|contacts|files|photos|notes)-here$/.test(problem.code),
  );
  const notes: string[] = [];
  if (report.documents !== null && report.documents.count > 0) {
    const list = Object.entries(report.documents.byFormat)
      .map(([format, count]) => `${number(count)} ${format.toUpperCase()}`)
      .join(', ');
    notes.push(
      `<p>${e(t('wizard:found.files.documents', { count: report.documents.count, list, ...from }))}</p>`,
    );
  }
  for (const sentence of keptSentences(t, report, number)) notes.push(`<p>${e(sentence)}</p>`);
  if (report.birthdaysLeftOut) notes.push(`<p>${e(t('migration:report.birthdays'))}</p>`);
  if (report.holidayFeeds !== null && report.holidayFeeds.length > 0) {
    notes.push(
      `<p>${e(t('migration:report.holidays'))}</p><ul>${report.holidayFeeds
        .map(
          (feed) =>
            `<li>${e(t(`items:calendar.holiday-zones.${feed.zone}`, { defaultValue: feed.zone }))}: <code>${e(feed.url)}</code></li>`,
        )
        .join('')}</ul>`,
    );
  }
  return `<!doctype html>
<html lang="${e(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('migration:report.title'))}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d2428; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #d5d9dc; padding: 0.4rem 0.6rem; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; }
tr.left td { text-align: left; background: #f6f7f8; }
tr.left ul { margin: 0; padding-left: 1.2rem; }
.ok { border-left: 0.3rem solid #1e6b3a; padding-left: 0.8rem; }
.warn { border-left: 0.3rem solid #a3262a; padding-left: 0.8rem; }
li strong { margin-right: 0.4rem; }
</style>
</head>
<body>
<h1>${e(t('migration:report.title'))}</h1>
<p>${e(t('migration:report.to', { account: report.account, server: report.server }))}<br>
${report.filesServer === null || report.filesAccount === null ? '' : `${e(t('migration:report.filesTo', { account: report.filesAccount, server: report.filesServer }))}<br>\n`}${e(t('migration:report.when', { start: date(report.startedAt), end: date(report.endedAt) }))}</p>
<p class="${report.complete ? 'ok' : 'warn'}">${e(t(headlineKey(report), from))}</p>
${report.stopMessage === null ? '' : `<p class="warn">${e(t('migration:report.stopped', { reason: report.stopMessage }))}</p>`}
<table>
<thead><tr><th></th>${columns.map((column) => `<th scope="col">${e(t(`migration:report.columns.${column}`))}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${
  report.collections.length === 0
    ? ''
    : `<h2>${e(t('migration:report.collections'))}</h2><ul>${report.collections
        .map(
          (collection) =>
            `<li><strong>${e(collection.name)}</strong> <code>${e(collection.url)}</code></li>`,
        )
        .join('')}</ul>`
}
${notes.join('\n')}
<h2>${e(t('migration:report.problems'))}</h2>
${
  problems.length === 0
    ? `<p>${e(t('migration:report.noProblems'))}</p>`
    : `<ul>${problems.map((problem) => `<li><strong>${e(problem.where)}</strong>${e(problem.reason)}</li>`).join('\n')}</ul>`
}
<h2>${e(t('migration:report.next'))}</h2>
<p>${e(t('migration:report.nextPhone'))}</p>
<p>${e(t('migration:report.nextComputer'))}</p>
<p>${e(t('migration:report.nextGoogle', from))}</p>
</body>
</html>
`;
}

function e(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
