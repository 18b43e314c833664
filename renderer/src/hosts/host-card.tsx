// One suggested host in the list: its number (the same on the map), where it is, why Baluchon
// suggests it (the engine's reasons, in the reader's language), how old that information is,
// and the way to its page.
import { useTranslation } from 'react-i18next';
import type { HostSuggestion } from '../../../src/contract/index.ts';
import { STALE_AFTER_DAYS, countryName, formatAge, formatDay } from './info-age.ts';
import { reasonLines } from './reason-tone.ts';

export const openButtonId = (hostId: string): string => `host-open-${hostId}`;

export function HostWhere(props: { host: HostSuggestion }) {
  const { t, i18n } = useTranslation();
  const { host } = props;
  const where = [host.city, countryName(host.country, i18n.language)].filter(Boolean).join(', ');
  return <>{where === '' ? t('home.host.whereUnknown') : where}</>;
}

/**
 * What is known of the host's offer, in words (the colour only repeats them): confirmed, part
 * of it, to check, or no new accounts.
 */
const badges: Readonly<Record<HostSuggestion['tier'], { key: string; tone: string }>> = {
  suitable: { key: 'hosts:screen.badge.suitable', tone: 'badge-good' },
  partial: { key: 'hosts:screen.badge.partial', tone: 'badge-partial' },
  'to-check': { key: 'hosts:screen.badge.toCheck', tone: 'badge-warn' },
  closed: { key: 'hosts:screen.badge.closed', tone: 'badge-bad' },
};

export function HostBadges(props: { host: HostSuggestion }) {
  const { t } = useTranslation();
  const badge = badges[props.host.tier];
  return <span className={`badge ${badge.tone}`}>{t(badge.key)}</span>;
}

export function HostReasons(props: { host: HostSuggestion }) {
  return (
    <ul className="reasons">
      {reasonLines(props.host).map((line, index) => (
        <li key={index} className={`reason tone-${line.tone}`}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

export function HostChecked(props: { host: HostSuggestion }) {
  const { t, i18n } = useTranslation();
  const { host } = props;
  return (
    <p className={host.ageDays > STALE_AFTER_DAYS ? 'host-checked stale' : 'host-checked'}>
      {t('hosts:screen.provenanceAge', {
        date: formatDay(host.checked, i18n.language),
        age: formatAge(host.ageDays, i18n.language),
      })}
      {host.ageDays > STALE_AFTER_DAYS ? ` ${t('home.host.stale')}` : ''}
    </p>
  );
}

export function HostCard(props: {
  number: number;
  host: HostSuggestion;
  onOpen: (hostId: string) => void;
}) {
  const { number, host, onOpen } = props;
  const { t } = useTranslation();
  return (
    <li className={`host-card tier-${host.tier}`}>
      <div className="host-card-head">
        <h4 className="host-name">
          <span className="host-number">{number}</span> {host.name}
        </h4>
        <HostBadges host={host} />
      </div>
      <p className="host-where">
        <HostWhere host={host} />
      </p>
      <HostReasons host={host} />
      <HostChecked host={host} />
      <button
        type="button"
        id={openButtonId(host.id)}
        onClick={() => {
          onOpen(host.id);
        }}
      >
        {t('home.host.open', { name: host.name })}
      </button>
    </li>
  );
}
