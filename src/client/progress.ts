/**
 * Onboarding progress, kept in this browser only: the track page's checkboxes and the step on
 * each page of a track. The page works without it; this reveals the controls and fills them in.
 */
import { islandData, islandRoots, requiredPart } from '../lib/islands.ts';
import { PROGRESS_KEY, markStep, parseProgress, stepState, type ProgressStore, type TrackData } from '../lib/progress.ts';

function load(): ProgressStore {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return parseProgress(null); // Storage blocked: nothing remembered, nothing breaks.
  }
}

function save(store: ProgressStore): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(store));
  } catch {
    // Storage full or blocked: the change lasts until the page is left.
  }
}

interface Step {
  data: TrackData;
  page: string;
  box: HTMLInputElement;
  note: HTMLElement;
  item: HTMLElement;
}

const steps: Step[] = [];
let summary: HTMLElement | undefined;
// The track page's "clear my progress" tools load only there (src/client/progress-tools.ts): the step box
// on a page of a track counts against what reading a page costs.
const tools: Array<Promise<void>> = [];

// Each root is a track (the track page, or a track this page is a step of), with its data in one
// format (TrackData) and its steps.
for (const root of islandRoots<HTMLElement>(document, 'progress')) {
  const data = islandData<TrackData>(requiredPart<HTMLElement>(root, 'progress', '[data-track-data]'), 'progress');
  for (const item of root.querySelectorAll<HTMLElement>('[data-step]')) {
    const box = requiredPart<HTMLInputElement>(item, 'progress', '[data-step-done]');
    const note = requiredPart<HTMLElement>(item, 'progress', '[data-step-changed]');
    steps.push({ data, page: item.dataset.step!, box, note, item });
  }
  if (root.hasAttribute('data-track-tools')) tools.push(import('./progress-tools.ts').then(({ trackTools }) => void (summary = trackTools(root, data, { load, save, render }))));
}

function render(): void {
  const store = load();
  let done = 0;
  let changed = 0;
  for (const step of steps) {
    const state = stepState(store, step.data, step.page);
    step.box.checked = state.state === 'done';
    step.item.classList.toggle('is-done', state.state === 'done');
    step.note.hidden = state.state !== 'changed';
    if (state.state === 'done') done++;
    if (state.state === 'changed') {
      changed++;
      const link = document.createElement('a');
      link.href = state.diff;
      link.textContent = 'See what changed';
      step.note.replaceChildren(`You read this in release ${state.release}; it has changed since. `, link);
    }
  }
  if (summary) summary.textContent = `${done} of ${steps.length} steps done${changed ? `; ${changed} changed since you read ${changed === 1 ? 'it' : 'them'}` : ''}.`;
}

for (const step of steps) {
  step.box.addEventListener('change', () => {
    const ids = [step.page, ...(step.data.changed[step.page] ?? []).flatMap((change) => change.ids ?? [])];
    save(markStep(load(), step.data.track, step.data.release, ids, step.box.checked, new Date()));
    render();
  });
}

// The controls show once everything they need is in place (the track page's tools load first).
function start(): void {
  render();
  for (const element of document.querySelectorAll<HTMLElement>('[data-progress-ui]')) element.hidden = false;
  // Another tab marked a step: show it here too.
  addEventListener('storage', (event) => event.key === PROGRESS_KEY && render());
  // Back and Forward can show this page from the back/forward cache, as it was when it was left, or
  // reload it and restore the boxes as they were (after this script ran): either way, pageshow
  // comes after, so read the storage again then.
  addEventListener('pageshow', render);
}

if (steps.length) void Promise.all(tools).then(start);
