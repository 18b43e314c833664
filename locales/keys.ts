// Where the text of a code lives. Codes are `<area>.<name>` (their text is in the area's
// namespace) or a bare `<name>` for codes shared by every area (in `common`).
// Shared by the service (CLI, JSON, reports) and the renderer, so both read the same words.

function split(code: string): [namespace: string, name: string] {
  const dot = code.indexOf('.');
  return dot < 0 ? ['common', code] : [code.slice(0, dot), code.slice(dot + 1)];
}

export function errorKey(code: string): string {
  const [ns, name] = split(code);
  return `${ns}:errors.${name}`;
}

export function problemKey(code: string): string {
  const [ns, name] = split(code);
  return `${ns}:problems.${name}`;
}

/**
 * Where a problem's sentence is looked for, in order: its own, then its error's. An item that
 * fails is reported under its error's code (`dav.conflict`), whose sentence is the error's.
 */
export function problemKeys(code: string): string[] {
  return [problemKey(code), errorKey(code)];
}
