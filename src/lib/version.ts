/**
 * Release numbers are `MAJOR.MINOR` (optionally `.PATCH`), compared numerically so that
 * `1.10` sorts after `1.9`. They are folder names and URL segments, so nothing else is allowed;
 * each number has at most six digits, so it stays exact as a JavaScript number.
 */
export const VERSION_PATTERN = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})(?:\.(0|[1-9]\d{0,5}))?$/;

export function isVersion(value: string): boolean {
  return VERSION_PATTERN.test(value);
}

function parts(version: string): number[] {
  const match = VERSION_PATTERN.exec(version);
  if (!match) throw new Error(`"${version}" is not a release number (expected MAJOR.MINOR, e.g. 1.0 or 2.1)`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Negative when `a` is older than `b`, positive when newer, 0 when equal (1.0 equals 1.0.0). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return 0;
}

/** Oldest first. */
export function sortVersions(versions: readonly string[]): string[] {
  return [...versions].sort(compareVersions);
}
