// A host's own page: what it offers, its price, how to join in plain words, its website, when
// its public pages were read, and "Choose this host". Every word is Baluchon's, written from the
// directory's facts; the research provenance never reaches this page (the service does not
// even send it: HostFacts in src/contract/hosts.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostSuggestion, Need } from '../../../src/contract/index.ts';
import { errorKey } from '../../../locales/keys.ts';
import { useApi } from '../api/api-context.tsx';
import { WizardLayout } from '../components/wizard-layout.tsx';
import { asSentence } from './as-sentence.ts';
import { ExternalLink } from './external-link.tsx';
import { HostBadges, HostChecked, HostReasons, HostWhere } from './host-card.tsx';
import { choiceFromDirectory } from './host-choice.ts';
import type { HostChoice, HostDetails } from './host-choice.ts';

type Service = HostDetails['host']['services'][number];

function ServiceLine(props: { service: Service; needed: boolean }) {
  const { t } = useTranslation();
  const { service, needed } = props;
  const parts = [
    service.software === null ? null : t('home.page.service.with', { software: service.software }),
    t(`home.page.service.registration.${service.registration}`),
    service.audience === 'organisations' ? t('home.page.service.organisationsOnly') : null,
  ].filter((part): part is string => part !== null);
  return (
    <li className={needed ? 'service needed' : 'service'}>
      <span className="service-kind">{t(`home.page.service.kinds.${service.kind}`)}</span>
      {needed ? <span className="badge badge-good">{t('home.page.service.needed')}</span> : null}
      <span className="service-facts">{parts.join(' · ')}</span>
    </li>
  );
}

export function HostPage(props: {
  host: HostSuggestion;
  needs: readonly Need[];
  onBack: () => void;
  onChoose: (choice: HostChoice) => void;
}) {
  const { host, needs, onBack, onChoose } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [details, setDetails] = useState<HostDetails>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    let live = true;
    void api.hostDetails({ id: host.id }).then((result) => {
      if (!live) return;
      if (result.ok) setDetails(result.value);
      else
        setFailure(
          t(errorKey(result.error.code), {
            ...result.error.details,
            defaultValue: result.error.message,
          }),
        );
    });
    return () => {
      live = false;
    };
  }, [api, host.id, t]);

  const services = [...(details?.host.services ?? [])].sort(
    (a, b) =>
      Number(!(needs as readonly string[]).includes(a.kind)) -
      Number(!(needs as readonly string[]).includes(b.kind)),
  );
  const price = host.reasons.findIndex(
    (reason) => reason.code === 'price' || reason.code === 'free-plan',
  );
  const signup = services.find(
    (service) => (needs as readonly string[]).includes(service.kind) && service.signupUrl !== null,
  )?.signupUrl;

  return (
    <WizardLayout step="home" title={host.name}>
      <p className="lead host-page-lead">
        <HostWhere host={host} /> <HostBadges host={host} />
      </p>

      <section aria-labelledby="page-why" className="card">
        <h2 id="page-why">{t('home.page.why')}</h2>
        <HostReasons host={host} />
        <HostChecked host={host} />
      </section>

      {failure === undefined ? null : (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}

      <section aria-labelledby="page-offers" className="card" aria-busy={details === undefined}>
        <h2 id="page-offers">{t('home.page.offers')}</h2>
        {details === undefined ? (
          <p className="hint">{failure === undefined ? t('home.page.loading') : ''}</p>
        ) : services.length === 0 ? (
          <p>{t('hosts:screen.noServices')}</p>
        ) : (
          <ul className="services">
            {services.map((service, index) => (
              <ServiceLine
                key={`${service.kind}-${index}`}
                service={service}
                needed={(needs as readonly string[]).includes(service.kind)}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="page-price" className="card">
        <h2 id="page-price">{t('home.page.price')}</h2>
        <p>
          {price < 0
            ? t('hosts:screen.priceUnknown')
            : asSentence(host.why[price] ?? '', i18n.language)}
        </p>
      </section>

      <section aria-labelledby="page-join" className="card">
        <h2 id="page-join">{t('home.page.join')}</h2>
        <p>{t(`home.page.joinHow.${host.tier === 'closed' ? 'closed' : host.registration}`)}</p>
        {signup === undefined || signup === null ? null : (
          <ExternalLink url={signup} label={t('home.page.signup')} />
        )}
        <ExternalLink url={host.website} label={t('home.page.website')} />
        {host.tier === 'closed' ? null : <p>{t('home.page.joinThen')}</p>}
        {details?.preset === null || details === undefined ? null : (
          <p className="hint">
            {details.preset.loginFlowV2
              ? t('home.page.connectBrowser', { software: details.preset.label })
              : t('home.page.connectPassword', { software: details.preset.label })}
          </p>
        )}
      </section>

      {host.tier === 'closed' ? <p className="warning">{t('home.page.closedWarning')}</p> : null}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('home.page.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={details === undefined && failure === undefined}
          onClick={() => {
            onChoose(choiceFromDirectory(host, details));
          }}
        >
          {t('home.page.choose')}
        </button>
      </div>
    </WizardLayout>
  );
}
