// Two different things of one name for one folder (two Keep notes titled "Courses", two pictures
// `IMG_0001.jpg` taken the same month): both keep the name, the second with a number before the
// extension, as a file manager does. Done before the whole tree's names are planned
// (plan-names.ts), which takes each path once.

/** `IMG_1.jpg` → `IMG_1 (2).jpg`. */
function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? `${name} (${n})` : `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/** `folder/name`, or `folder/name (n)` when taken; the path returned is now taken. */
export function claimPath(taken: Set<string>, folder: string, name: string): string {
  const at = (file: string): string => (folder === '' ? file : `${folder}/${file}`);
  let path = at(name);
  for (let n = 2; taken.has(path); n++) path = at(numbered(name, n));
  taken.add(path);
  return path;
}
