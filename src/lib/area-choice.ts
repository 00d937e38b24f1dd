/**
 * What the browser islands share with the build about the reader's area, kept free of imports so
 * the islands stay a few hundred bytes: where the values are, and where the choice is kept.
 */

/** The browser's record of the reader's area (localStorage); it never leaves the browser. */
export const AREA_STORAGE_KEY = 'playbook-area';

export interface LocalArea {
  name: string;
  url: string;
  illustrative: boolean;
  details: Record<string, string | undefined>;
}

/** The reader's area id, or null: none chosen, or storage blocked (then every Local stays neutral). */
export function chosenArea(): string | null {
  try {
    return localStorage.getItem(AREA_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function chooseArea(id: string | null): void {
  try {
    if (id) localStorage.setItem(AREA_STORAGE_KEY, id);
    else localStorage.removeItem(AREA_STORAGE_KEY);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}
