// A link to a host's own pages. Baluchon never browses: the address opens in the family's own
// browser (api.openExternal checks it again), and only secure (https) addresses are offered;
// another address is shown as text, with why it is not a link.
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.tsx';
import { httpsOnly } from './host-choice.ts';

/** "www.hadoly.fr", what people read, rather than the full address. */
export function displayAddress(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** `label` introduces the address ("Its website:"); the button is the address itself. */
export function ExternalLink(props: { url: string | null; label: string }) {
  const { t } = useTranslation();
  const api = useApi();
  if (props.url === null) return null;
  const safe = httpsOnly(props.url);
  if (safe === null) {
    return (
      <p className="external">
        {props.label} <span className="address">{props.url}</span>{' '}
        <span className="hint">{t('home.page.notSecure')}</span>
      </p>
    );
  }
  return (
    <p className="external">
      {props.label}{' '}
      <button
        type="button"
        className="link address"
        onClick={() => {
          void api.openExternal(safe);
        }}
      >
        {displayAddress(safe)}
      </button>{' '}
      <span className="hint">{t('home.page.opensOutside')}</span>
    </p>
  );
}
