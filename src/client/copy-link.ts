/**
 * A copy-link button on each section heading, for trainers pasting a link into a chat: the section
 * in the latest release by default, or pinned to the release being read.
 */
const choice = document.querySelector<HTMLElement>('[data-copy-links]');
const announcer = document.querySelector<HTMLElement>('[data-copy-status]');

function say(text: string): void {
  if (announcer) announcer.textContent = text;
}

if (choice && navigator.clipboard) {
  choice.hidden = false;
  for (const heading of document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)[id]:not(#footnote-label)')) {
    const title = heading.textContent?.trim() ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    const label = document.createElement('span');
    label.textContent = 'Copy link';
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` to “${title}”`;
    button.append(label, hidden);
    // Beside the heading, not inside it: the heading's name stays its text.
    const row = document.createElement('div');
    row.className = `section-heading section-heading--${heading.localName}`;
    heading.replaceWith(row);
    row.append(heading, button);
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const pinned = !choice.dataset.latest || choice.querySelector<HTMLInputElement>('input[value="pinned"]')?.checked;
      const url = `${location.origin}${pinned ? choice.dataset.pinned : choice.dataset.latest}#${heading.id}`;
      try {
        await navigator.clipboard.writeText(url);
        label.textContent = 'Copied';
        say(`Link to “${title}” copied${pinned ? '' : ', in the latest release'}.`);
      } catch {
        label.textContent = 'Not copied';
        say(`Could not copy. The link is ${url}`);
      }
      clearTimeout(timer);
      timer = setTimeout(() => (label.textContent = 'Copy link'), 2500);
    });
  }
}

// A module, so that the page can import() it as its own cached file.
export {};
