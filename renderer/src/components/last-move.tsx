// On the welcome screen: the report of the last move that ran to its end stays one press away,
// after the page or the app was closed, until the family forgets everything.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LastMove } from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';

export function LastMoveCard(props: { onShow: (last: LastMove) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [last, setLast] = useState<LastMove | null>(null);

  useEffect(() => {
    void api.lastMove({}).then((result) => {
      if (result.ok) setLast(result.value);
    });
  }, [api]);

  if (last === null) return null;
  const { report } = last;
  return (
    <section className="card" aria-labelledby="last-move-title" data-testid="last-move">
      <h2 id="last-move-title">{t('welcome.lastMove.title')}</h2>
      <p>
        {t('welcome.lastMove.move', {
          account: report.account,
          server: new URL(report.server).host,
          date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
            new Date(report.endedAt),
          ),
        })}
      </p>
      <button
        type="button"
        onClick={() => {
          props.onShow(last);
        }}
      >
        {t('welcome.lastMove.show')}
      </button>
    </section>
  );
}
