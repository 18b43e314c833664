// Problems in plain words, in the language on screen (translated from their code, so switching
// language translates them too), each naming the item it concerns.
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../src/contract/index.ts';
import { problemKey } from '../../../locales/keys.ts';

export function ProblemList(props: { problems: readonly Problem[]; title: string }) {
  const { t } = useTranslation();
  if (props.problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-title" className="problems">
      <h2 id="problems-title">{props.title}</h2>
      <ul data-testid="problems">
        {props.problems.map((problem, index) => (
          <li key={`${problem.code}/${problem.where}/${index}`}>
            <span className="problem-where">{problem.where}</span>
            <span className="problem-reason">
              {t(problemKey(problem.code), { ...problem.params, defaultValue: problem.reason })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
