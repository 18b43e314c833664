// ical.js decodes every parameter value as TEXT (`\n` becomes a newline) and writes newlines back
// as RFC 6868 `^n`: Apple's `X-APPLE-STRUCTURED-LOCATION;X-ADDRESS="Street\nTown"` would come
// back as `X-ADDRESS=Street^nTown`, which Apple does not read. Doubling the backslashes of the
// parameter section before parsing makes ical.js hand back exactly what was written.
// (Hand-written: ical.js has no option for it; this runs on unfolded content lines.)

export function protectParameterBackslashes(line: string): string {
  const firstSemicolon = line.indexOf(';');
  const firstColon = line.indexOf(':');
  if (firstSemicolon < 0 || (firstColon >= 0 && firstColon < firstSemicolon)) return line;
  let protectedLine = line.slice(0, firstSemicolon);
  let quoted = false;
  for (let index = firstSemicolon; index < line.length; index += 1) {
    const character = line.charAt(index);
    if (character === '"') quoted = !quoted;
    else if (character === ':' && !quoted) return protectedLine + line.slice(index);
    protectedLine += character === '\\' ? '\\\\' : character;
  }
  return protectedLine;
}
