/**
 * A copy-link button beside each section heading's `#` link, for trainers pasting a link into a
 * chat: the section in the latest release, or pinned to the release being read (the default on an
 * old release; on a frozen page src/client/releases.ts decides, and whether the latest release still has
 * the page). The choice is remembered. Without a clipboard (plain HTTP on an intranet address)
 * the button shows the address, selected, to copy by hand.
 */
import { islandRoot, requiredPart } from '../lib/islands.ts';

const CHOICE_KEY = 'playbook-section-links';
const choice = islandRoot<HTMLElement>(document, 'copyLinks');
// Beside the choice, not in it: the choice stays hidden where there is nothing to choose.
const announcer = choice && requiredPart<HTMLElement>(document, 'copy-link', '[data-copy-status]');

function say(text: string): void {
  if (announcer) announcer.textContent = text;
}

function remembered(): string | null {
  try {
    return localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

/**
 * On a frozen page, src/client/releases.ts learns on load whether the latest release still has the page and
 * which address to offer first, then marks the choice settled (also when it could not learn it); a click
 * before then waits for it.
 */
async function settled(): Promise<void> {
  while (choice!.dataset.pageReleases && !('settled' in choice!.dataset)) await new Promise((resolve) => setTimeout(resolve, 50));
}

if (choice) {
  choice.hidden = false;
  const radios = [...choice.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const stored = remembered();
  for (const radio of radios) {
    if (stored && radio.value === stored) radio.checked = true;
    radio.addEventListener('change', () => {
      try {
        localStorage.setItem(CHOICE_KEY, radio.value);
      } catch {
        // Storage blocked: the choice lasts for this page.
      }
    });
  }

  for (const row of document.querySelectorAll<HTMLElement>('.prose .section-heading')) {
    const heading = row.querySelector<HTMLElement>('h2, h3')!;
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
    row.append(button);
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      await settled();
      const pinned = !choice.dataset.latest || radios.find((radio) => radio.value === 'pinned')?.checked;
      const url = `${location.origin}${pinned ? choice.dataset.pinned : choice.dataset.latest}#${heading.id}`;
      try {
        // Without a clipboard (not a secure context), navigator.clipboard is undefined and this throws.
        await navigator.clipboard.writeText(url);
        label.textContent = 'Copied';
        say(`Link to “${title}” copied${pinned ? '' : ', in the latest release'}.`);
        clearTimeout(timer);
        timer = setTimeout(() => (label.textContent = 'Copy link'), 2500);
      } catch {
        // No clipboard here: show the address, selected, to copy by hand.
        let field = row.querySelector<HTMLInputElement>('.copy-link__field');
        if (!field) {
          field = document.createElement('input');
          field.className = 'copy-link__field';
          field.readOnly = true;
          field.setAttribute('aria-label', `Link to “${title}”, selected: copy it`);
          row.append(field);
        }
        field.value = url;
        field.focus();
        field.select();
        say('Copying is not possible here: the link is selected, press Control+C or Command+C to copy it.');
      }
    });
  }
}

// A module, so that the page can import() it as its own cached file.
export {};
