// A progress bar that screen readers announce politely, with its words written out.
export function ProgressBar(props: { label: string; value: number | undefined; detail?: string }) {
  const percent = props.value === undefined ? undefined : Math.round(props.value * 100);
  return (
    <div className="progress" role="status" aria-live="polite">
      <p className="progress-label">
        {props.label}
        {percent === undefined ? '' : ` — ${percent} %`}
      </p>
      <progress max={100} value={percent} aria-label={props.label} />
      {props.detail === undefined ? null : <p className="progress-detail">{props.detail}</p>}
    </div>
  );
}
