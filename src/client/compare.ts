// On /compare/ only: shows the comparison asked for in ?from=<a>&to=<b>. A prebuilt pair is a
// redirect to its static page; any other pair is computed here from /compare-data/ with the same
// code (src/lib) that prebuilt the static pages, and rendered with the same markup.
import { bodyDataUrl, bodiesNeeded, compareData, releaseDataUrl, releaseFromData, type BodyData, type ReleaseData } from '../lib/compare-data.ts';
import { compareUrl, pairKey } from '../lib/compare.ts';
import { releaseName, renderComparison } from '../lib/compare-view.ts';

const form = document.querySelector<HTMLFormElement>('[data-compare-form]');
const status = document.querySelector<HTMLElement>('[data-compare-status]');
const result = document.querySelector<HTMLElement>('[data-compare-result]');
const config = JSON.parse(document.getElementById('compare--config')?.textContent ?? '{}') as { prebuilt?: string[] };
const needsScript = document.querySelector<HTMLElement>('[data-compare-needs-script]');
if (needsScript) needsScript.hidden = true;

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

function say(message: string): void {
  if (status) status.textContent = message;
}

async function show(from: string, to: string): Promise<void> {
  if (!form || !result) return;
  const fromSelect = form.elements.namedItem('from') as HTMLSelectElement;
  const toSelect = form.elements.namedItem('to') as HTMLSelectElement;
  const known = new Set([...fromSelect.options].map((option) => option.value));
  const unknown = [from, to].filter((key) => !known.has(key));
  if (unknown.length) {
    say(`There is no release called “${unknown.join('” or “')}”. Choose two releases from the lists.`);
    return;
  }
  fromSelect.value = from;
  toSelect.value = to;
  if (config.prebuilt?.includes(pairKey(from, to))) {
    location.replace(compareUrl(from, to) + location.hash);
    return;
  }
  if (from === to) {
    say('You chose the same release twice: nothing changed. Choose two different releases.');
    return;
  }
  say('Comparing…');
  const [fromData, toData] = await Promise.all([json<ReleaseData>(releaseDataUrl(from)), json<ReleaseData>(releaseDataUrl(to))]);
  const hashes = bodiesNeeded(fromData, toData);
  const blocks = await Promise.all(hashes.map((hash) => json<BodyData>(bodyDataUrl(hash))));
  const bodies = new Map(hashes.map((hash, index) => [hash, blocks[index]]));
  const changes = compareData(releaseFromData(fromData, bodies), releaseFromData(toData, bodies));
  result.innerHTML = renderComparison(changes);
  const fromName = releaseName(changes.from);
  const toName = releaseName(changes.to);
  document.title = `Changes from ${fromName} to ${toName} · ${document.title}`;
  say(`Showing the changes from ${fromName} to ${toName}: ${changes.changes.length} ${changes.changes.length === 1 ? 'page' : 'pages'} changed.`);
  // The section a shared link points at did not exist when the page loaded: go to it now.
  const target = location.hash ? document.getElementById(safeDecode(location.hash.slice(1))) : null;
  target?.scrollIntoView();
}

const params = new URLSearchParams(location.search);
const from = params.get('from');
const to = params.get('to');
if (from && to) {
  show(from, to).catch((error: unknown) => {
    say(`The comparison could not be loaded (${error instanceof Error ? error.message : String(error)}). Try again, or choose a comparison from the list below.`);
  });
}

/** A fragment as typed: a malformed escape (`#%`) is kept as it is rather than failing the view. */
function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
