/**
 * A folded part of the sidebar, listing its pages when first opened: the page lists only the pages of
 * the part being read (issue 16), the others come from the release's contents.json (src/lib/contents.ts).
 */
import { pageAt } from '../lib/addresses.ts';
import type { ReleaseContents } from '../lib/contents.ts';

let contents: Promise<ReleaseContents> | undefined;

export async function fillPart(part: HTMLDetailsElement): Promise<void> {
  const sidebar = part.closest<HTMLElement>('.sidebar')!.dataset;
  contents ??= fetch(sidebar.contents!).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${sidebar.contents}: ${response.status}`))));
  // Offline: the link to the part on the front page stays, and the next opening tries again.
  const found = await contents.catch((error: unknown) => {
    contents = undefined;
    throw error;
  });
  const pages = found.parts.find((candidate) => candidate.id === part.dataset.part)?.pages ?? [];
  const items = pages.map(([id, title]) => {
    const item = document.createElement('li');
    const link = item.appendChild(document.createElement('a'));
    link.href = pageAt(sidebar.base!, id);
    link.textContent = title;
    return item;
  });
  if (items.length) part.querySelector('ul')!.replaceChildren(...items);
}
