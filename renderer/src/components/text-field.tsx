// A labelled text field with an optional hint read after the label (aria-describedby), so the
// field's name stays just its label.
import { useId } from 'react';

export function TextField(props: {
  label: string;
  hint?: string;
  type?: 'text' | 'password';
  name: string;
  autoComplete: string;
  inputMode?: 'url' | 'text';
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** At most this many characters (what the service accepts). */
  maxLength?: number;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        name={props.name}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        value={props.value}
        required={props.required}
        maxLength={props.maxLength}
        aria-describedby={props.hint === undefined ? undefined : hintId}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      />
      {props.hint === undefined ? null : (
        <span id={hintId} className="hint">
          {props.hint}
        </span>
      )}
    </div>
  );
}
