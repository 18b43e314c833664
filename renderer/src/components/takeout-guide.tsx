// How to ask Google for an archive, step by step, for someone who has never done it.
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.tsx';

const takeoutUrl = 'https://takeout.google.com/';

export function TakeoutGuide() {
  const { t } = useTranslation();
  const api = useApi();
  const stepsText = t('guide.steps', { returnObjects: true }) as string[];
  return (
    <details className="guide">
      <summary>{t('guide.summary')}</summary>
      <ol className="numbered">
        <li>
          {t('guide.open')}{' '}
          <a
            href={takeoutUrl}
            onClick={(event) => {
              event.preventDefault();
              void api.openExternal(takeoutUrl);
            }}
          >
            takeout.google.com
          </a>
        </li>
        {stepsText.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <p className="hint">{t('guide.wait')}</p>
    </details>
  );
}
