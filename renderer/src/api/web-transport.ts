// The transport of `baluchon web`: commands are POSTed to api/<name>, events arrive as
// server-sent events, dropped files are uploaded. Every URL is relative to the page, on the
// same origin, so each request carries the session cookie the entry address set
// (src/web/request-guard.ts); no script ever sees the secret.
import type { BaluchonEvent, Result } from '../../../src/contract/index.ts';
import type { RendererApi } from './renderer-api.ts';

export function createWebTransport(): RendererApi {
  const listeners = new Set<(event: BaluchonEvent) => void>();
  let source: EventSource | undefined;
  // Commands wait until the event stream is open: the events of a job a command starts (or that
  // a reloaded page asks about) then cannot slip by before the page listens.
  let listening: Promise<void> = Promise.resolve();

  const ensureEvents = (): void => {
    if (source !== undefined) return;
    source = new EventSource('events');
    const opening = source;
    listening = new Promise<void>((resolve) => {
      // An error too: a command then says what is wrong rather than waiting for ever.
      opening.addEventListener(
        'open',
        () => {
          resolve();
        },
        { once: true },
      );
      opening.addEventListener(
        'error',
        () => {
          resolve();
        },
        { once: true },
      );
    });
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as BaluchonEvent;
      for (const listener of listeners) listener(event);
    };
  };

  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    try {
      await listening;
      const response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'transport', message: String(error) } };
    }
  };

  const special: Pick<RendererApi, 'onEvent' | 'pathForFile' | 'openExternal'> = {
    onEvent(listener) {
      ensureEvents();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathForFile: (file, onProgress) => upload(file, onProgress),
    openExternal(url) {
      if (url.startsWith('https://')) window.open(url, '_blank', 'noopener,noreferrer');
      return Promise.resolve();
    },
  };

  // Every other property is a contract command: the names come from the contract's type, so
  // there is no list to keep in sync here.
  return new Proxy(special, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name as keyof typeof target];
      return (input: unknown) => call(name, input);
    },
  }) as RendererApi;
}

function upload(file: File, onProgress?: (sent: number, total: number) => void): Promise<string> {
  // XMLHttpRequest rather than fetch: only it reports upload progress, and archives are large.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `upload?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress?.(event.loaded, event.total);
    request.onload = () => {
      // A refusal without JSON (the session cookie no longer valid after the server restarted)
      // must still settle the upload, not leave it waiting for ever.
      let body: Result<{ path: string }> | undefined;
      try {
        body = JSON.parse(request.responseText) as Result<{ path: string }>;
      } catch {
        body = undefined;
      }
      if (body === undefined)
        reject(new Error(`upload of ${file.name} refused (${String(request.status)})`));
      else if (body.ok) resolve(body.value.path);
      else reject(new Error(body.error.message));
    };
    request.onerror = () => {
      reject(new Error(`upload of ${file.name} failed`));
    };
    request.send(file);
  });
}
