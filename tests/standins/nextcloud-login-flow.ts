// A stand-in for the three Login Flow v2 endpoints of a Nextcloud server (developer manual,
// "Login flow v2"), since Nextcloud cannot be installed here. A real HTTP server on a random
// loopback port:
//   POST /index.php/login/v2        → 200 { poll: { token, endpoint }, login }
//   GET  /login/v2/flow/<id>        → the consent page, naming the app by its User-Agent
//   POST /login/v2/flow/<id>        → the user logs in (user + password) and grants, or denies
//   POST /login/v2/poll  token=…    → 404 until granted, then 200 once with the app password
// Flows expire after `lifetimeMs` (20 minutes on Nextcloud). Every request is logged so tests
// can check what the client sent (never the user's password).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface Flow {
  pollToken: string;
  loginId: string;
  userAgent: string;
  createdAt: number;
  granted?: { loginName: string; appPassword: string };
  denied: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number;
}

export interface LoginFlowStandIn {
  /** The server's address, as a user would type it. */
  server: string;
  requests: LoggedRequest[];
  /** App passwords handed out, by login name. */
  appPasswords: Map<string, string>;
  close(): Promise<void>;
}

export interface StandInOptions {
  users?: Record<string, string>;
  lifetimeMs?: number;
  /** Serve under a sub-folder, as many hosts install Nextcloud (https://host/nextcloud). */
  prefix?: string;
}

const token = (): string => randomBytes(32).toString('base64url');

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startLoginFlowStandIn(
  options: StandInOptions = {},
): Promise<LoginFlowStandIn> {
  const users = options.users ?? { marie: 'correct horse battery staple' };
  const lifetime = options.lifetimeMs ?? 20 * 60 * 1000;
  const prefix = options.prefix ?? '';
  const flows = new Map<string, Flow>();
  const requests: LoggedRequest[] = [];
  const appPasswords = new Map<string, string>();
  const sockets = new Set<Socket>();
  let base = '';

  const alive = (flow: Flow | undefined): flow is Flow =>
    flow !== undefined && Date.now() - flow.createdAt < lifetime;

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://x');
      const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
      const send = (status: number, type: string, text: string): void => {
        requests.push({
          method: request.method ?? '',
          path: url.pathname,
          headers: request.headers,
          body,
          status,
        });
        response.writeHead(status, { 'content-type': type });
        response.end(text);
      };
      const json = (status: number, value: unknown): void => {
        send(status, 'application/json', JSON.stringify(value));
      };

      if (request.method === 'POST' && path === '/index.php/login/v2') {
        const flow: Flow = {
          pollToken: token(),
          loginId: token(),
          userAgent: request.headers['user-agent'] ?? 'unknown',
          createdAt: Date.now(),
          denied: false,
        };
        flows.set(flow.pollToken, flow);
        json(200, {
          poll: { token: flow.pollToken, endpoint: `${base}${prefix}/login/v2/poll` },
          login: `${base}${prefix}/login/v2/flow/${flow.loginId}`,
        });
        return;
      }
      const flowPage = /^\/login\/v2\/flow\/([\w-]+)$/.exec(path);
      if (flowPage?.[1] !== undefined) {
        const flow = [...flows.values()].find((f) => f.loginId === flowPage[1]);
        if (!alive(flow)) {
          send(404, 'text/html', '<p>This link has expired.</p>');
          return;
        }
        if (request.method === 'GET') {
          send(
            200,
            'text/html',
            `<h1>Connect to your account</h1><p>Please log in before granting <strong>${escapeHtml(flow.userAgent)}</strong> access to your account.</p><form method="post"><input name="user"><input name="password" type="password"><button name="action" value="grant">Grant access</button><button name="action" value="deny">Cancel</button></form>`,
          );
          return;
        }
        const form = new URLSearchParams(body);
        if (form.get('action') === 'deny') {
          // Nextcloud keeps the flow until it expires; the client only ever sees 404.
          flow.denied = true;
          send(200, 'text/html', '<p>Access denied.</p>');
          return;
        }
        const user = form.get('user') ?? '';
        if (users[user] === undefined || users[user] !== form.get('password')) {
          send(403, 'text/html', '<p>Wrong login or password.</p>');
          return;
        }
        const appPassword = token();
        flow.granted = { loginName: user, appPassword };
        appPasswords.set(user, appPassword);
        send(200, 'text/html', '<p>Account connected. You can close this window.</p>');
        return;
      }
      if (request.method === 'POST' && path === '/login/v2/poll') {
        // Nextcloud reads the parameter from the form body (and from JSON bodies too).
        const type = request.headers['content-type'] ?? '';
        const pollToken = type.includes('json')
          ? ((JSON.parse(body || '{}') as { token?: string }).token ?? '')
          : (new URLSearchParams(body).get('token') ?? '');
        const flow = flows.get(pollToken);
        if (!alive(flow) || flow.denied || flow.granted === undefined) {
          json(404, []);
          return;
        }
        flows.delete(pollToken); // the credentials are handed out once
        json(200, { server: `${base}${prefix}`, ...flow.granted });
        return;
      }
      send(404, 'text/html', '<p>Not found</p>');
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server: `${base}${prefix}`,
    requests,
    appPasswords,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** What a person does in the browser: open the page, log in, grant (or cancel). */
export async function actAsUser(
  loginUrl: string,
  action: { grant: { user: string; password: string } } | { deny: true },
): Promise<string> {
  const page = await fetch(loginUrl);
  const html = await page.text();
  const form =
    'deny' in action
      ? new URLSearchParams({ action: 'deny' })
      : new URLSearchParams({
          user: action.grant.user,
          password: action.grant.password,
          action: 'grant',
        });
  await fetch(loginUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return html;
}
