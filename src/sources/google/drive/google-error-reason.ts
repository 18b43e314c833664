// Google's error answers name their cause in `error.errors[0].reason` (`exportSizeLimitExceeded`,
// `notFound`…), which is what the reader decides on, never the message text. Gaxios keeps the
// answer's body on the error; for a streamed request it is the body's text.

export interface GoogleErrorReason {
  readonly status: number | null;
  readonly reason: string | null;
}

export function googleErrorReason(error: unknown): GoogleErrorReason {
  if (typeof error !== 'object' || error === null) return { status: null, reason: null };
  const response = (error as { response?: { status?: unknown; data?: unknown } }).response;
  const status = typeof response?.status === 'number' ? response.status : null;
  return { status, reason: reasonIn(response?.data) };
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
