// On the welcome screen: a move that did not finish (paused, stopped, the app closed) can go on
// where it stopped, with the password typed again when it was not kept.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnfinishedMoveSummary } from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';

export function UnfinishedMoves(props: {
  onResume: (accountId: string, password: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [moves, setMoves] = useState<UnfinishedMoveSummary[]>([]);
  const [passwords, setPasswords] = useState<Record<string, string>>({});

  useEffect(() => {
    void api.listUnfinishedMoves({}).then((result) => {
      if (result.ok) setMoves(result.value);
    });
  }, [api]);

  if (moves.length === 0) return null;
  return (
    <section
      className="card resume"
      aria-labelledby="unfinished-title"
      data-testid="unfinished-moves"
    >
      <h2 id="unfinished-title">{t('welcome.unfinished.title')}</h2>
      <ul className="plain">
        {moves.map((move) => (
          <li key={move.accountId}>
            <p>
              {t('welcome.unfinished.move', {
                account: move.username,
                server: new URL(move.server).host,
                date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                  new Date(move.startedAt),
                ),
              })}
            </p>
            {move.archivesPresent ? null : (
              <p className="alert">{t('welcome.unfinished.archivesGone')}</p>
            )}
            {move.passwordKnown ? null : (
              <label className="field">
                <span>{t('welcome.unfinished.password', { account: move.username })}</span>
                <input
                  type="password"
                  autoComplete="current-password"
                  value={passwords[move.accountId] ?? ''}
                  onChange={(event) => {
                    setPasswords({ ...passwords, [move.accountId]: event.target.value });
                  }}
                />
              </label>
            )}
            <button
              type="button"
              className="primary"
              disabled={
                !move.archivesPresent ||
                (!move.passwordKnown && (passwords[move.accountId] ?? '') === '')
              }
              onClick={() => {
                props.onResume(
                  move.accountId,
                  move.passwordKnown ? undefined : passwords[move.accountId],
                );
              }}
            >
              {t('welcome.unfinished.resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
