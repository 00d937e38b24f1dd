// On /compare/ only: shows the comparison asked for in ?from=<a>&to=<b>. A prebuilt pair is a
// redirect to its static page; any other pair is computed here from /compare-data/ with the same
// code (src/lib) that prebuilt the static pages, and rendered with the same markup.
import { compareBodyUrl, compareDataUrl, comparePickerUrl, compareUrl, pairKey, releasePhrase } from '../lib/addresses.ts';
import { bodiesNeeded, compareData, releaseFromData, type BodyData, type ReleaseData } from '../lib/compare-data.ts';
import type { CompareConfig } from '../lib/compare.ts';
import { changeGroups, groupsSentence, renderComparison } from '../lib/compare-view.ts';
import { enhanceComparison } from './compare-layout.ts';

const form = document.querySelector<HTMLFormElement>('[data-compare-form]');
const status = document.querySelector<HTMLElement>('[data-compare-status]');
const result = document.querySelector<HTMLElement>('[data-compare-result]');
const config = JSON.parse(document.getElementById('compare--config')?.textContent ?? '{}') as CompareConfig;
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

/** `latest` is a name for the newest release wherever a release is asked for. */
const keyOf = (name: string) => (name === 'latest' && config.latest ? config.latest : name);

async function show(fromName: string, toName: string): Promise<void> {
  if (!form || !result) return;
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
    const name = (key: string) => (key === 'draft' ? 'the draft' : `release ${key}`);
    say(`${name(from)[0].toUpperCase()}${name(from).slice(1)} is newer than ${name(to)}: a comparison runs from the older release to the newer one.`);
    const link = document.createElement('a');
    link.href = comparePickerUrl(to, from);
    link.textContent = `Compare from ${name(to)} to ${name(from)} instead`;
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
