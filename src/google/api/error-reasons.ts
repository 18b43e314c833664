// The reasons a Google error answer gives (`error.errors[].reason` for Calendar, Drive and Tasks;
// `error.details[].reason` for People's AIP-193 form), read from gaxios' error: from the parsed
// answer (`response.data`), or, for a streamed request (a Drive download or export, gaxios 7),
// from the error's message, which then holds the answer's text. The backoff (retry-decision.ts)
// and Drive's export fallback both decide on these, never on the wording.

type Fields = Readonly<Record<string, unknown>>;

function fields(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null ? (value as Fields) : null;
}

function parsed(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Every reason the answer names, in its order; [] when none. */
export function errorReasons(failure: unknown): string[] {
  const data = fields(fields(failure)?.['response'])?.['data'];
  const body =
    typeof data === 'string' ? parsed(data) : (data ?? parsed(fields(failure)?.['message']));
  const error = fields(fields(body)?.['error']);
  if (error === null) return [];
  return [error['errors'], error['details']]
    .filter((list): list is unknown[] => Array.isArray(list))
    .flat()
    .map((entry) => fields(entry)?.['reason'])
    .filter((reason): reason is string => typeof reason === 'string');
}
