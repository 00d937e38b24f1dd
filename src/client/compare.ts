// On /compare/ only: shows the comparison asked for in ?from=<a>&to=<b>. A prebuilt pair is a
// redirect to its static page; any other pair is computed here from /compare-data/ with the same
// code (src/lib) that prebuilt the static pages, and rendered with the same markup.
import { compareBodyUrl, compareDataUrl, comparePickerUrl, compareUrl, pairKey, releasePhrase } from '../lib/addresses.ts';
import { bodiesNeeded, compareData, releaseFromData, type BodyData, type ReleaseData } from '../lib/compare-data.ts';
import type { CompareConfig } from '../lib/compare.ts';
import { changeGroups, groupsSentence, renderComparison } from '../lib/compare-view.ts';
import { ISLAND_ROOTS, islandData, requiredPart } from '../lib/islands.ts';
import { enhanceComparison } from './compare-layout.ts';

// The island is loaded by the picker page only: its root and parts are always there.
const root = requiredPart<HTMLElement>(document, 'compare', `[${ISLAND_ROOTS.compare}]`);
const part = <T extends Element>(selector: string) => requiredPart<T>(root, 'compare', selector);
const form = part<HTMLFormElement>('[data-compare-form]');
const status = part<HTMLElement>('[data-compare-status]');
const result = part<HTMLElement>('[data-compare-result]');
const config = islandData<CompareConfig>(part<HTMLElement>('#compare--config'), 'compare');
part<HTMLElement>('[data-compare-needs-script]').hidden = true;

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

function say(message: string): void {
  status.textContent = message;
}

/** `latest` is a name for the newest release wherever a release is asked for. */
const keyOf = (name: string) => (name === 'latest' && config.latest ? config.latest : name);

async function show(fromName: string, toName: string): Promise<void> {
  const from = keyOf(fromName);
  const to = keyOf(toName);
  const fromSelect = form.elements.namedItem('from') as HTMLSelectElement;
  const toSelect = form.elements.namedItem('to') as HTMLSelectElement;
  const unknown = [from, to].filter((key) => !config.order.includes(key));
  if (unknown.length) {
    say(`There is no release called “${unknown.join('” or “')}”. Choose two releases from the lists.`);
    return;
  }
  fromSelect.value = from;
  toSelect.value = to;
  if (config.prebuilt.includes(pairKey(from, to))) {
    location.replace(compareUrl(from, to) + location.hash);
    return;
  }
  if (from === to) {
    say('You chose the same release twice: nothing changed. Choose two different releases.');
    return;
  }
  const order = config.order;
  if (order.indexOf(from) > order.indexOf(to)) {
    // Read backwards, every addition would be a removal: say so, and offer the right way round.
    result.innerHTML = '';
    say(`${releasePhrase(from)[0].toUpperCase()}${releasePhrase(from).slice(1)} is newer than ${releasePhrase(to)}: a comparison runs from the older release to the newer one.`);
    const link = document.createElement('a');
    link.href = comparePickerUrl(to, from);
    link.textContent = `Compare from ${releasePhrase(to)} to ${releasePhrase(from)} instead`;
    const line = document.createElement('p');
    line.append(link);
    result.append(line);
    return;
  }
  say('Comparing…');
  // Every release in between too: only their page lists, to tell in which release each change was made.
  const keys = order.slice(order.indexOf(from), order.indexOf(to) + 1);
  const datas = await Promise.all(keys.map((key) => json<ReleaseData>(compareDataUrl(key))));
  const fromData = datas[0];
  const toData = datas[datas.length - 1];
  const hashes = bodiesNeeded(fromData, toData);
  const blocks = await Promise.all(hashes.map((hash) => json<BodyData>(compareBodyUrl(hash))));
  const bodies = new Map(hashes.map((hash, index) => [hash, blocks[index]]));
  const releases = datas.map((data) => releaseFromData(data, bodies));
  const changes = compareData(releases[0], releases[releases.length - 1]);
  result.innerHTML = renderComparison(changes, { releases });
  enhanceComparison(result);
  const fromTitle = releasePhrase(changes.from.release);
  const toTitle = releasePhrase(changes.to.release);
  document.title = `Changes from ${fromTitle} to ${toTitle} · ${document.title}`;
  say(`Showing the changes from ${fromTitle} to ${toTitle}: ${groupsSentence(changeGroups(changes))}.`);
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
