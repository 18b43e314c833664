// Done screen: the family's phones and computers, set up from the move's account — a QR code and
// a link that open DAVx⁵ with the address and user name filled in, the iPhone profile to
// download, the addresses to paste in Thunderbird and the others, and the sheet to take home.
// Everything comes from the service (built from the move's report); none of it holds a password.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSetup, ErrorData } from '../../../src/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { errorText } from './error-text.ts';

export function DevicesSection(props: {
  runId: number;
  host?: { name: string; contact: string | null } | undefined;
  onSheet: (setup: DeviceSetup) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [setup, setSetup] = useState<DeviceSetup>();
  const { runId } = props;
  const hostName = props.host?.name;
  const hostContact = props.host?.contact ?? null;
  const [error, setError] = useState<ErrorData>();
  // The profile as a file to download (or to open on an iPhone in the browser mode).
  const profileUrl = useMemo(
    () =>
      setup === undefined
        ? undefined
        : URL.createObjectURL(
            new Blob([setup.appleProfile.xml], { type: 'application/x-apple-aspen-config' }),
          ),
    [setup],
  );
  useEffect(
    () => () => {
      if (profileUrl !== undefined) URL.revokeObjectURL(profileUrl);
    },
    [profileUrl],
  );
  useEffect(() => {
    // By value: the host object is made anew on each render of the screen.
    const host = hostName === undefined ? {} : { host: { name: hostName, contact: hostContact } };
    void api.deviceSetup({ runId, ...host }).then((answer) => {
      if (answer.ok) setSetup(answer.value);
      else setError(answer.error);
    });
  }, [api, runId, hostName, hostContact]);
  if (error !== undefined) {
    return (
      <p className="alert" role="alert">
        {errorText(t, error)}
      </p>
    );
  }
  if (setup === undefined) return null;
  const words = { address: setup.serverUrl, username: setup.username, host: setup.host };
  const androidSteps = t('devices:android.steps', { ...words, returnObjects: true }) as string[];
  const iphoneSteps = t('devices:iphone.steps', { returnObjects: true }) as string[];
  return (
    <section className="card devices" aria-labelledby={`${id}-title`} data-testid="devices">
      <h2 id={`${id}-title`}>{t('devices:title')}</h2>
      <p>{t('devices:intro')}</p>

      <h3>{t('devices:android.title')}</h3>
      <div className="device-qr">
        <svg
          role="img"
          aria-label={t('devices:android.qrLabel')}
          viewBox={`0 0 ${setup.qr.size} ${setup.qr.size}`}
          width="180"
          height="180"
          shapeRendering="crispEdges"
          data-testid="davx5-qr"
        >
          <rect width={setup.qr.size} height={setup.qr.size} fill="#fff" />
          <path d={setup.qr.d} fill="#000" />
        </svg>
        <div>
          <p>
            <a href={setup.davx5Link} data-testid="davx5-link">
              {t('devices:android.link')}
            </a>
          </p>
          <ol>
            {androidSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {setup.nextcloud ? (
            <p>{t('devices:android.nextcloud', { origin: new URL(setup.serverUrl).origin })}</p>
          ) : null}
        </div>
      </div>

      <h3>{t('devices:iphone.title')}</h3>
      <p>
        <a
          className="button"
          href={profileUrl}
          download={setup.appleProfile.fileName}
          data-testid="apple-profile"
        >
          {t('devices:iphone.download')}
        </a>
      </p>
      <ol>
        {iphoneSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="hint">{t('devices:iphone.manual', words)}</p>

      <h3>{t('devices:computer.title')}</h3>
      <h4>{t('devices:computer.thunderbirdTitle')}</h4>
      <p>
        {t('devices:computer.thunderbirdCalendar', words)}{' '}
        <code className="copyable">{setup.computer.thunderbirdCalendars}</code>
      </p>
      <p>
        {t('devices:computer.thunderbirdContacts', words)}{' '}
        <code className="copyable">{setup.computer.thunderbirdContacts}</code>
      </p>
      <p className="hint">{t('devices:computer.thunderbirdFinds')}</p>
      <h4>{t('devices:computer.onlineAccountsTitle')}</h4>
      <p>
        {t('devices:computer.onlineAccounts')}{' '}
        <code className="copyable">{setup.computer.onlineAccounts}</code>
      </p>
      {setup.computer.nextcloudClient === null && setup.computer.filesFolder === null ? null : (
        <>
          <h4>{t('devices:computer.nextcloudClientTitle')}</h4>
          {setup.computer.nextcloudClient === null ? null : (
            <p>
              {t('devices:computer.nextcloudClient')}{' '}
              <code className="copyable">{setup.computer.nextcloudClient}</code>
            </p>
          )}
          {setup.computer.filesFolder === null ? null : (
            <p>
              {t('devices:computer.filesFolder')}{' '}
              <code className="copyable">{setup.computer.filesFolder}</code>
            </p>
          )}
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            props.onSheet(setup);
          }}
        >
          {t('devices:sheet.open')}
        </button>
      </div>
    </section>
  );
}
