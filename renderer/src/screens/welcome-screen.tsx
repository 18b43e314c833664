// Step 1: what will happen, and what will not.
import { useTranslation } from 'react-i18next';
import type { LastMove } from '../../../src/contract/index.ts';
import { ForgetButton } from '../components/forget-button.tsx';
import { LastMoveCard } from '../components/last-move.tsx';
import { UnfinishedMoves } from '../components/unfinished-moves.tsx';
import type { ResumePasswords } from '../components/unfinished-moves.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';

export function WelcomeScreen(props: {
  onStart: () => void;
  onResume: (accountId: string, passwords: ResumePasswords) => void;
  onForgotten: () => void;
  onShowLastMove: (last: LastMove) => void;
  /** Everything was just erased: say so. */
  forgotten: boolean;
}) {
  const { t } = useTranslation();
  const will = t('welcome.will', { returnObjects: true }) as string[];
  const wont = t('welcome.wont', { returnObjects: true }) as string[];
  return (
    <WizardLayout step="welcome" title={t('welcome.title')}>
      {props.forgotten ? (
        <p className="lead ok" role="status" data-testid="forgotten">
          {t('welcome.forgotten')}
        </p>
      ) : null}
      <p className="lead">{t('welcome.intro')}</p>
      <UnfinishedMoves onResume={props.onResume} />
      <LastMoveCard onShow={props.onShowLastMove} />
      <div className="columns">
        <section aria-labelledby="will-title">
          <h2 id="will-title">{t('welcome.willTitle')}</h2>
          <ol className="numbered">
            {will.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="wont-title" className="reassure">
          <h2 id="wont-title">{t('welcome.wontTitle')}</h2>
          <ul>
            {wont.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      </div>
      <div className="actions">
        <ForgetButton onForgotten={props.onForgotten} />
        <button type="button" className="primary" onClick={props.onStart}>
          {t('welcome.start')}
        </button>
      </div>
    </WizardLayout>
  );
}
