// "I have a file from my host": the family pastes the link or the file's text their host sent,
// or chooses the file; the service reads it (src/hosts/provisioning/FORMAT.md) and says in plain
// words what is wrong with it, or what it found — then the journey goes on with that host.
import { useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../src/contract/index.ts';
import { errorKey } from '../../../locales/keys.ts';
import { useApi } from '../api/api-context.tsx';
import { displayAddress } from './external-link.tsx';
import { choiceFromProvisioning } from './host-choice.ts';
import { ProvisioningWarningList } from './provisioning-warning-list.tsx';
import type { HostChoice } from './host-choice.ts';

/** The contract's limit for pasted text; a real file is a few hundred bytes. */
const MAX_TEXT = 64 * 1024;

export function ProvisioningForm(props: {
  needs: readonly Need[];
  onChosen: (choice: HostChoice) => void;
}) {
  const { needs, onChosen } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [choice, setChoice] = useState<HostChoice>();

  const read = async (input: string): Promise<void> => {
    const trimmed = input.trim();
    setFailure(undefined);
    setChoice(undefined);
    if (trimmed === '') {
      setFailure(t('home.provisioning.empty'));
      return;
    }
    setBusy(true);
    const result = await api.readProvisioning(
      /^https:\/\//i.test(trimmed) ? { url: trimmed } : { text: trimmed.slice(0, MAX_TEXT) },
    );
    setBusy(false);
    if (result.ok) setChoice(choiceFromProvisioning(result.value));
    else
      setFailure(
        t(errorKey(result.error.code), {
          ...result.error.details,
          defaultValue: result.error.message,
        }),
      );
  };

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void read(text);
  };

  const missing = choice === undefined ? [] : needs.filter((need) => !choice.offers.includes(need));
  const list = (kinds: readonly Need[]): string =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      kinds.map((kind) => t(`home.kinds.${kind}`)),
    );

  return (
    <div className="provisioning">
      <form onSubmit={submit}>
        <label htmlFor={`${id}-text`} className="block-label">
          {t('home.provisioning.label')}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('home.provisioning.hint')}
        </p>
        <textarea
          id={`${id}-text`}
          aria-describedby={`${id}-hint`}
          rows={3}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <div className="actions actions-start">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              fileInput.current?.click();
            }}
          >
            {t('home.provisioning.chooseFile')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".baluchon,.json,application/json,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file === undefined) return;
              if (file.size > MAX_TEXT) {
                setFailure(t('home.provisioning.tooLarge'));
                return;
              }
              void file.text().then((content) => {
                setText(content);
                return read(content);
              });
            }}
          />
          <button type="submit" disabled={busy}>
            {t('home.provisioning.read')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {failure === undefined ? null : (
          <p className="alert" role="alert">
            {failure}
          </p>
        )}
        {choice === undefined ? null : (
          <div className="provisioning-found">
            <p>
              <strong>{t('home.provisioning.found', { name: choice.hostName })}</strong>
            </p>
            <ul>
              <li>
                {t('home.provisioning.server', {
                  server: displayAddress(choice.serverAddress ?? ''),
                })}
              </li>
              <li>{t('home.provisioning.offers', { kinds: list(choice.offers) })}</li>
              {missing.length === 0 ? null : (
                <li className="tone-warn">
                  {t('home.provisioning.missing', { kinds: list(missing) })}
                </li>
              )}
              <li>
                {choice.login === 'browser'
                  ? t('home.provisioning.loginBrowser')
                  : t('home.provisioning.loginPassword')}
              </li>
            </ul>
            <ProvisioningWarningList warnings={choice.warnings} />
            <div className="actions actions-start">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  onChosen(choice);
                }}
              >
                {t('home.provisioning.continue', { name: choice.hostName })}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
