// Problems in plain words, in the language on screen (translated from their code, so switching
// language translates them too), each naming the item it concerns. Renamings are not problems
// one by one — a Drive can have hundreds — so they are gathered in one entry that opens on a
// compact "old name → new name" list.
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../src/contract/index.ts';
import { problemKeys } from '../../../locales/keys.ts';

const renamed = 'files.renamed';

export function ProblemList(props: { problems: readonly Problem[]; title: string }) {
  const { t } = useTranslation();
  if (props.problems.length === 0) return null;
  const renamings = props.problems.filter((problem) => problem.code === renamed);
  const others = props.problems.filter((problem) => problem.code !== renamed);
  return (
    <section aria-labelledby="problems-title" className="problems">
      <h2 id="problems-title">{props.title}</h2>
      <ul data-testid="problems">
        {others.map((problem, index) => (
          <li key={`${problem.code}/${problem.where}/${index}`}>
            <span className="problem-where">{problem.where}</span>
            <span className="problem-reason">
              {t(problemKeys(problem.code), { ...problem.params, defaultValue: problem.reason })}
            </span>
          </li>
        ))}
        {renamings.length === 0 ? null : (
          <li data-testid="renamings">
            <details>
              <summary>{t('files:report.renamedSummary', { count: renamings.length })}</summary>
              <ul className="renamings">
                {renamings.map((problem, index) => (
                  <li key={`${problem.where}/${index}`}>
                    {t('files:report.renamedLine', {
                      from: problem.params?.['from'] ?? problem.where,
                      to: problem.params?.['to'] ?? '',
                    })}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        )}
      </ul>
    </section>
  );
}
