// Names from an archive end up in reports, in the CLI's output and on screen. Before that they
// are made harmless to show: control characters (a terminal would obey an escape sequence in a
// file name) and bidirectional overrides (which can make `gpj.exe` read as `exe.jpg`) become
// U+FFFD, and very long names are shortened.

const MAX_DISPLAY_LENGTH = 300;

export function displayName(name: string): string {
  // C0 and C1 controls, DEL, and the bidi embedding/override/isolate characters.
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  if (clean.length <= MAX_DISPLAY_LENGTH) return clean;
  return `${clean.slice(0, MAX_DISPLAY_LENGTH - 1)}…`;
}
