// "Your data", the live way: the family signs in to Google in their browser and Baluchon reads
// their calendars, contacts, tasks and Drive through Google's own APIs — no archive to wait for.
// Honest about the trade-offs (the archive stays the better way for a large Drive), about what
// Google will show (its "unverified app" screen, before the family sees it), and asking only for
// the products the family ticks, read-only. Then the same scan job as an archive, and "What we
// found".
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ErrorData,
  GoogleSession,
  ScanReport,
  SourceSpec,
} from '../../../src/contract/index.ts';
import { useApi, useJob } from '../api/api-context.tsx';
import { errorText } from './error-text.ts';
import { ProblemList } from './problem-list.tsx';
import { ProgressBar } from './progress-bar.tsx';

type Product = GoogleSession['products'][number];
const PRODUCTS: readonly Product[] = ['calendar', 'contacts', 'tasks', 'drive', 'other-contacts'];

export function GoogleSource(props: {
  onScanned: (report: ScanReport, source: SourceSpec) => void;
  onBack: () => void;
  onBusyChange: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [products, setProducts] = useState<ReadonlySet<Product>>(
    new Set(['calendar', 'contacts', 'tasks', 'drive']),
  );
  const [error, setError] = useState<ErrorData>();
  const [signInJob, setSignInJob] = useState<string>();
  const [scan, setScan] = useState<{ jobId: string; source: SourceSpec; email: string | null }>();
  const signIn = useJob<'googleSignIn'>(signInJob);
  const scanJob = useJob<'scan'>(scan?.jobId);
  const signedIn = signIn?.end?.outcome === 'done' ? signIn.end.result : undefined;
  const busy =
    (signInJob !== undefined && signIn?.end === undefined) ||
    (scan !== undefined && scanJob?.end === undefined);
  const { onBusyChange, onScanned } = props;
  useEffect(() => {
    onBusyChange(busy);
  }, [busy, onBusyChange]);

  // Signed in: read what Google holds with the same scan job as an archive.
  useEffect(() => {
    if (signedIn === undefined || scan !== undefined) return;
    const source: SourceSpec = { kind: 'google', sessionId: signedIn.sessionId };
    void api.startScan({ source }).then((started) => {
      if (started.ok) setScan({ jobId: started.value.jobId, source, email: signedIn.email });
      else setError(started.error);
    });
  }, [api, scan, signedIn]);

  const scanEnd = scanJob?.end;
  useEffect(() => {
    if (scanEnd?.outcome === 'done' && scan !== undefined) onScanned(scanEnd.result, scan.source);
  }, [scanEnd, onScanned, scan]);

  const start = async (): Promise<void> => {
    setError(undefined);
    setScan(undefined);
    const started = await api.startGoogleSignIn({ products: [...products] });
    if (started.ok) setSignInJob(started.value.jobId);
    else setError(started.error);
  };

  const signInEnd = signIn?.end;
  const failure =
    signInEnd !== undefined && signInEnd.outcome !== 'done'
      ? signInEnd.outcome === 'cancelled'
        ? undefined
        : signInEnd.error
      : scanEnd !== undefined && scanEnd.outcome !== 'done'
        ? scanEnd.error
        : error;
  const consentUrl = signIn?.progress?.consentUrl ?? null;
  const waiting = signInJob !== undefined && signInEnd === undefined;
  const contactsChosen = products.has('contacts');
  return (
    <>
      <section className="card" aria-labelledby={`${id}-title`} data-testid="google-source">
        <h2 id={`${id}-title`}>{t('source.google.title')}</h2>
        <p>{t('source.google.intro')}</p>
        <ul className="trade-offs">
          <li>{t('source.google.tradeFast')}</li>
          <li>{t('source.google.tradeLarge')}</li>
          <li>{t('source.google.tradeReadOnly')}</li>
        </ul>
        <fieldset disabled={busy || signedIn !== undefined}>
          <legend>{t('source.google.productsLegend')}</legend>
          {PRODUCTS.map((product) =>
            product === 'other-contacts' && !contactsChosen ? null : (
              <div className="check" key={product}>
                <input
                  type="checkbox"
                  id={`${id}-${product}`}
                  checked={products.has(product)}
                  aria-describedby={
                    product === 'other-contacts' ? `${id}-other-contacts-hint` : undefined
                  }
                  onChange={(event) => {
                    const next = new Set(products);
                    if (event.target.checked) next.add(product);
                    else {
                      next.delete(product);
                      if (product === 'contacts') next.delete('other-contacts');
                    }
                    setProducts(next);
                  }}
                />
                <label htmlFor={`${id}-${product}`}>{t(`source.google.product.${product}`)}</label>
                {product === 'other-contacts' ? (
                  <span id={`${id}-other-contacts-hint`} className="hint">
                    {t('source.google.otherContactsHint')}
                  </span>
                ) : null}
              </div>
            ),
          )}
        </fieldset>
        <h3>{t('source.google.whatYouWillSee')}</h3>
        <ol className="google-steps">
          <li>{t('source.google.stepAccount')}</li>
          <li>{t('source.google.stepUnverified')}</li>
          <li>{t('source.google.stepAllow')}</li>
          <li>{t('source.google.stepBack')}</li>
        </ol>
        {waiting ? (
          <div role="status" aria-live="polite" data-testid="google-waiting">
            <p>{t('source.google.waiting')}</p>
            {consentUrl === null ? null : (
              <p>
                <a href={consentUrl} target="_blank" rel="noopener noreferrer">
                  {t('source.google.openPage')}
                </a>
              </p>
            )}
          </div>
        ) : signedIn === undefined ? (
          <button
            type="button"
            className="primary"
            disabled={products.size === 0}
            onClick={() => void start()}
          >
            {t('source.google.signIn')}
          </button>
        ) : (
          <p role="status">{t('source.google.signedIn', { email: signedIn.email ?? '' })}</p>
        )}
      </section>
      {scan !== undefined && scanEnd === undefined ? (
        <ProgressBar
          label={t('source.google.reading', { email: scan.email ?? '' })}
          value={
            scanJob?.progress === undefined || scanJob.progress.entriesTotal === 0
              ? undefined
              : scanJob.progress.entriesDone / scanJob.progress.entriesTotal
          }
        />
      ) : null}
      {failure === undefined ? null : (
        <p className="alert" role="alert" data-testid="google-source-error">
          {errorText(t, failure)}
        </p>
      )}
      {scanEnd !== undefined && scanEnd.outcome === 'failed' ? (
        <ProblemList problems={scanJob?.problems ?? []} title={t('source.failedProblems')} />
      ) : null}
      <div className="actions">
        <button type="button" onClick={props.onBack} disabled={busy}>
          {t('actions.back')}
        </button>
        {waiting || (scan !== undefined && scanEnd === undefined) ? (
          <button
            type="button"
            onClick={() => {
              const jobId = waiting ? signInJob : scan?.jobId;
              if (jobId !== undefined) void api.cancelJob({ jobId });
            }}
          >
            {t('actions.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
