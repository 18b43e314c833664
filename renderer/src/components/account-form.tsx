// The account form — an address, a login name, a password — used wherever the family connects
// an account: their new host on Connect, the host their data is at now on "Your data", and an
// account for the files (Connect, Done). The
// fields are the caller's (Connect fills the address from the chosen host, the login from a
// browser login); the words default to Connect's.
import { useTranslation } from 'react-i18next';
import { TextField } from './text-field.tsx';

export interface AccountFields {
  readonly server: string;
  readonly username: string;
  readonly password: string;
}

export interface AccountFormWords {
  readonly server: string;
  readonly serverHint: string;
  readonly username: string;
  readonly password: string;
  /** null: no hint under the password. */
  readonly passwordHint: string | null;
  readonly submit: string;
}

export function AccountForm(props: {
  value: AccountFields;
  onChange: (value: AccountFields) => void;
  /** The connection is being checked: the button says so and waits. */
  checking: boolean;
  onSubmit: (value: AccountFields) => void;
  words?: Partial<AccountFormWords>;
  /** Prefixes the fields' names, when two forms share a page or a password manager's memory. */
  namePrefix?: string;
  /** The form's button is the screen's next step (not so on Connect, where "Start" is). */
  primary?: boolean;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const words: AccountFormWords = {
    server: t('connect.password.server'),
    serverHint: t('connect.password.serverHint'),
    username: t('connect.password.username'),
    password: t('connect.password.password'),
    passwordHint: t('connect.password.passwordHint'),
    submit: t('connect.check'),
    ...props.words,
  };
  const name = (field: string): string =>
    props.namePrefix === undefined ? field : `${props.namePrefix}-${field}`;
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(value);
      }}
    >
      <TextField
        label={words.server}
        hint={words.serverHint}
        name={name('server')}
        autoComplete="url"
        inputMode="url"
        value={value.server}
        onChange={(server) => {
          onChange({ ...value, server });
        }}
        required
      />
      <TextField
        label={words.username}
        name={name('username')}
        autoComplete="username"
        value={value.username}
        onChange={(username) => {
          onChange({ ...value, username });
        }}
        required
      />
      <TextField
        label={words.password}
        hint={words.passwordHint ?? undefined}
        type="password"
        name={name('password')}
        autoComplete="current-password"
        value={value.password}
        onChange={(password) => {
          onChange({ ...value, password });
        }}
        required
      />
      <div className="actions inline">
        <button
          type="submit"
          className={props.primary === true ? 'primary' : undefined}
          disabled={props.checking}
        >
          {props.checking ? t('connect.checking') : words.submit}
        </button>
      </div>
    </form>
  );
}
