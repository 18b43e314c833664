// Google's error answers name their cause in `error.errors[0].reason` (`exportSizeLimitExceeded`,
// `notFound`…), which is what the reader decides on, never the message text. Gaxios keeps the
// answer's body on the error as `response.data`; for a streamed request (responseType 'stream',
// gaxios 7.1) the data is left out and the body's text becomes the error's message instead.

export interface GoogleErrorReason {
  readonly status: number | null;
  readonly reason: string | null;
}

export function googleErrorReason(error: unknown): GoogleErrorReason {
  if (typeof error !== 'object' || error === null) return { status: null, reason: null };
  const { response, status, message } = error as {
    response?: { status?: unknown; data?: unknown };
    status?: unknown;
    message?: unknown;
  };
  const code =
    typeof response?.status === 'number'
      ? response.status
      : typeof status === 'number'
        ? status
        : null;
  return { status: code, reason: reasonIn(response?.data) ?? reasonIn(message) };
}

function reasonIn(data: unknown): string | null {
  let body = data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof body !== 'object' || body === null) return null;
  const errors = (body as { error?: { errors?: unknown } }).error?.errors;
  if (!Array.isArray(errors)) return null;
  const first: unknown = errors[0];
  if (typeof first !== 'object' || first === null) return null;
  const reason = (first as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : null;
}
