// On the welcome screen: a move that did not finish (paused, stopped, the app closed) can go on
// where it stopped, with the passwords typed again when they were not kept (the new account's,
// and for a move from another host, the old one's).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnfinishedMoveSummary } from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';

/** The passwords typed again to go on (absent: the one kept is used). */
export interface ResumePasswords {
  password?: string;
  sourcePassword?: string;
}

export function UnfinishedMoves(props: {
  onResume: (accountId: string, passwords: ResumePasswords) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [moves, setMoves] = useState<UnfinishedMoveSummary[]>([]);
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [sourcePasswords, setSourcePasswords] = useState<Record<string, string>>({});

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
        {moves.map((move) => {
          const fromHost =
            (move.fromServer ?? null) !== null && (move.fromUsername ?? null) !== null;
          const password = passwords[move.accountId] ?? '';
          const sourcePassword = sourcePasswords[move.accountId] ?? '';
          const needsSource = fromHost && !move.sourcePasswordKnown;
          const fromGoogle = move.fromGoogle ?? null;
          // A Google sign-in that no longer holds (web mode, CLI: kept in memory only) cannot be
          // typed in again here: the family signs in again from "Your data".
          const googleGone = fromGoogle !== null && !move.sourcePasswordKnown;
          return (
            <li key={move.accountId}>
              {fromGoogle === null ? null : (
                <p>{t('welcome.unfinished.fromGoogle', { account: fromGoogle })}</p>
              )}
              {googleGone ? <p className="alert">{t('welcome.unfinished.googleGone')}</p> : null}
              {fromHost ? (
                <p>
                  {t('welcome.unfinished.from', {
                    account: move.fromUsername,
                    server: new URL(move.fromServer ?? '').host,
                  })}
                </p>
              ) : null}
              <p>
                {t('welcome.unfinished.move', {
                  account: move.username,
                  server: new URL(move.server).host,
                  date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                    new Date(move.startedAt),
                  ),
                })}
              </p>
              {fromHost || move.archivesPresent ? null : (
                <p className="alert">{t('welcome.unfinished.archivesGone')}</p>
              )}
              {move.passwordKnown ? null : (
                <label className="field">
                  <span>{t('welcome.unfinished.password', { account: move.username })}</span>
                  <input
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(event) => {
                      setPasswords({ ...passwords, [move.accountId]: event.target.value });
                    }}
                  />
                </label>
              )}
              {needsSource ? (
                <label className="field">
                  <span>
                    {t('welcome.unfinished.sourcePassword', { account: move.fromUsername })}
                  </span>
                  <input
                    type="password"
                    autoComplete="off"
                    value={sourcePassword}
                    onChange={(event) => {
                      setSourcePasswords({
                        ...sourcePasswords,
                        [move.accountId]: event.target.value,
                      });
                    }}
                  />
                </label>
              ) : null}
              <button
                type="button"
                className="primary"
                disabled={
                  googleGone ||
                  !move.archivesPresent ||
                  (!move.passwordKnown && password === '') ||
                  (needsSource && sourcePassword === '')
                }
                onClick={() => {
                  props.onResume(move.accountId, {
                    ...(move.passwordKnown ? {} : { password }),
                    ...(needsSource ? { sourcePassword } : {}),
                  });
                }}
              >
                {t('welcome.unfinished.resume')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
