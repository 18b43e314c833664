// Text inside the stand-ins' XML answers, escaped and read back as a DAV server does.

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** One `<d:response>` with its properties, all found (200). */
export function okResponse(href: string, props: readonly string[]): string {
  return `<d:response><d:href>${escapeXml(href)}</d:href><d:propstat><d:prop>${props.join('')}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
}
