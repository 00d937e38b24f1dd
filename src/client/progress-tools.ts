/**
 * The track page's tools for onboarding progress: clear this track's progress (after asking), and undo
 * that until the page is left. Loaded by src/client/progress.ts only on a track page.
 */
import { requiredPart } from '../lib/islands.ts';
import { clearTrack, restoreRecords, trackRecords, type ProgressRecord, type ProgressStore, type TrackData } from '../lib/progress.ts';

/** How the tools read and write the progress kept in this browser, and show it again. */
export interface ProgressAccess {
  load(): ProgressStore;
  save(store: ProgressStore): void;
  render(): void;
}

/**
 * Clearing asks first, forgets only what the track page shows (this release and the older ones it
 * carries over), and can be undone until the page is left. Returns the summary line the progress writes.
 */
export function trackTools(root: HTMLElement, data: TrackData, progress: ProgressAccess): HTMLElement {
  const part = <T extends Element>(selector: string) => requiredPart<T>(root, 'progress', selector);
  const { load, save, render } = progress;
  const summary = part<HTMLElement>('[data-track-summary]');
  const status = part<HTMLElement>('[data-progress-status]');
  const clear = part<HTMLButtonElement>('[data-track-clear]');
  const confirm = part<HTMLElement>('[data-track-confirm]');
  const yes = part<HTMLButtonElement>('[data-track-clear-yes]');
  const no = part<HTMLButtonElement>('[data-track-clear-no]');
  const undo = part<HTMLButtonElement>('[data-track-undo]');
  const releases = [data.release, ...data.older];
  let cleared: ProgressRecord[] = [];
  const say = (text: string) => (status.textContent = text);
  clear.addEventListener('click', () => {
    confirm.hidden = false;
    undo.hidden = true;
    say('');
    yes.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    clear.focus();
  });
  yes.addEventListener('click', () => {
    const store = load();
    cleared = trackRecords(store, data.track, releases);
    save(clearTrack(store, data.track, releases));
    render();
    confirm.hidden = true;
    undo.hidden = false;
    say('Your progress on this track was cleared.');
    undo.focus();
  });
  undo.addEventListener('click', () => {
    save(restoreRecords(load(), data.track, cleared));
    render();
    undo.hidden = true;
    say('Your progress on this track is back.');
    clear.focus();
  });
  return summary;
}

