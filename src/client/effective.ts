/**
 * Re-checks in the reader's browser which release is in effect, with the reader's own date: a site
 * built before an upcoming release's effective date flips on that day without a rebuild. Pages read
 * through /latest/ move to the same page in the release now in effect; an upcoming release's banner
 * says it is in effect.
 */
const today = (() => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
})();

for (const banner of document.querySelectorAll<HTMLElement>('[data-effective-from]')) {
  if ((banner.dataset.effectiveFrom ?? '') > today) continue;
  banner.querySelector<HTMLElement>('[data-upcoming-text]')?.setAttribute('hidden', '');
  banner.querySelector<HTMLElement>('[data-in-effect-text]')?.removeAttribute('hidden');
  banner.classList.add('dc-banner--now-in-effect');
  for (const label of document.querySelectorAll<HTMLElement>('[data-status-label]')) label.textContent = 'In effect';
}

const data = document.querySelector<HTMLElement>('[data-effective-check]');
const follows = data ? (JSON.parse(data.textContent ?? '{}') as { follows?: Array<{ effective: string; url: string }> }).follows ?? [] : [];
const now = follows.filter((entry) => entry.effective <= today).at(-1);
if (now) location.replace(`${now.url}${location.search}${location.hash}`);

export {};
