/**
 * "Cite this": fills in the reader's own day as the access date and the full address, and copies the
 * reference; without a clipboard (or when copying fails) it selects the text for the reader to copy.
 */
import { islandRoots, requiredPart } from '../lib/islands.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const now = new Date();
const accessed = `${MONTHS[now.getMonth()]} ${now.getDate()}, ${now.getFullYear()}`;

for (const box of islandRoots<HTMLElement>(document, 'cite')) {
  const part = <T extends Element>(selector: string) => requiredPart<T>(box, 'cite', selector);
  const text = part<HTMLElement>('[data-cite-text]');
  const url = part<HTMLElement>('[data-cite-url]');
  const button = part<HTMLButtonElement>('[data-cite-copy]');
  const status = part<HTMLElement>('[data-cite-status]');
  part<HTMLElement>('[data-cite-accessed]').textContent = accessed;
  if (url.dataset.path) url.textContent = `${location.origin}${url.dataset.path}`;
  button.hidden = false;
  const say = (message: string) => (status.textContent = message);
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(text);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  };
  button.addEventListener('click', async () => {
    const reference = text.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(reference);
      button.textContent = 'Copied';
      say('Reference copied.');
    } catch {
      select();
      button.textContent = 'Selected: press Ctrl+C or Cmd+C';
      say('The reference is selected: press Ctrl+C, or Cmd+C on a Mac, to copy it.');
    }
    setTimeout(() => (button.textContent = 'Copy the reference'), 4000);
  });
}

export {};
