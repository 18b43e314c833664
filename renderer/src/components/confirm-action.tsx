// A button for something that cannot be taken back (forgetting everything, undoing an import):
// a first press only asks, saying plainly what goes and what stays; keeping things as they are
// is the focused answer.
import { useState } from 'react';

export interface ConfirmActionText {
  button: string;
  title: string;
  explain: string;
  keep: string;
  confirm: string;
}

export function ConfirmAction(props: {
  /** Prefix of the ids tying the dialog to its title and text. */
  id: string;
  text: ConfirmActionText;
  /** Why the last attempt failed, shown in the dialog. */
  error: string | undefined;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const { text } = props;

  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => {
          setAsking(true);
        }}
      >
        {text.button}
      </button>
    );
  }
  return (
    <div
      className="card confirm"
      role="alertdialog"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-text`}
    >
      <h2 id={`${props.id}-title`}>{text.title}</h2>
      <p id={`${props.id}-text`}>{text.explain}</p>
      {props.error === undefined ? null : (
        <p className="alert" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions inline">
        <button
          type="button"
          autoFocus
          onClick={() => {
            setAsking(false);
          }}
        >
          {text.keep}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          {text.confirm}
        </button>
      </div>
    </div>
  );
}

/** The five texts of a confirmation, from `<prefix>.button`, `.title`, `.explain`, `.keep`, `.confirm`. */
export function confirmText(t: (key: string) => string, prefix: string): ConfirmActionText {
  return {
    button: t(`${prefix}.button`),
    title: t(`${prefix}.title`),
    explain: t(`${prefix}.explain`),
    keep: t(`${prefix}.keep`),
    confirm: t(`${prefix}.confirm`),
  };
}
