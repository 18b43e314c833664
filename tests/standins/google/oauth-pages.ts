// The pages the stand-in's authorization endpoint shows, shaped like Google's for an app in
// "testing" or not yet verified: first "Google hasn't verified this app" with an "Advanced" link,
// then "Go to <app> (unsafe)", then the consent page where each data scope has its own checkbox
// (Google lets the user untick them) and Continue / Cancel. Plain HTML forms and links with
// stable accessible names, so Chromium (the integrator's e2e test) and the fetch-driven browser
// of tests/google/ can both walk them.

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>${body}</body></html>`;
}

export function errorPage(status: number, error: string, description: string): string {
  return page(
    `Error ${status}: ${error}`,
    `<h1>Access blocked: authorization error</h1><p>${escape(description)}</p>` +
      `<p>Error ${status}: ${escape(error)}</p>`,
  );
}

export function unverifiedPage(
  appName: string,
  email: string,
  request: string,
  advanced: boolean,
): string {
  const id = encodeURIComponent(request);
  const more = advanced
    ? `<p>Continue only if you understand the risks and trust the developer.</p>` +
      `<p><a href="/o/oauth2/v2/auth/consent?request=${id}">Go to ${escape(appName)} (unsafe)</a></p>`
    : `<p><a href="/o/oauth2/v2/auth/advanced?request=${id}">Advanced</a></p>`;
  return page(
    'Google hasn’t verified this app',
    `<h1>Google hasn’t verified this app</h1>` +
      `<p>The app is requesting access to sensitive info in your Google Account (${escape(email)}). ` +
      `Until the developer verifies this app with Google, you shouldn't use it.</p>` +
      `<form method="post" action="/o/oauth2/v2/auth/decide">` +
      `<input type="hidden" name="request" value="${escape(request)}">` +
      `<button type="submit" name="decision" value="deny">Back to safety</button></form>` +
      more,
  );
}

export interface ScopeChoice {
  readonly scope: string;
  readonly label: string;
}

export function consentPage(
  appName: string,
  email: string,
  request: string,
  scopes: readonly ScopeChoice[],
): string {
  const boxes = scopes
    .map(
      ({ scope, label }, index) =>
        `<p><input type="checkbox" id="scope-${index}" name="scope" value="${escape(scope)}" checked>` +
        ` <label for="scope-${index}">${escape(label)}</label></p>`,
    )
    .join('\n');
  return page(
    `${appName} wants access to your Google Account`,
    `<h1>${escape(appName)} wants access to your Google Account</h1><p>${escape(email)}</p>` +
      `<form method="post" action="/o/oauth2/v2/auth/decide">` +
      `<input type="hidden" name="request" value="${escape(request)}">` +
      `<p>Select what ${escape(appName)} can access</p>${boxes}` +
      // Continue first: a form's Enter key submits with its first button.
      `<button type="submit" name="decision" value="allow">Continue</button>` +
      `<button type="submit" name="decision" value="deny">Cancel</button></form>`,
  );
}
