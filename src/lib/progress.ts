/**
 * Onboarding progress as the reader's browser keeps it (localStorage, never sent anywhere), and what
 * it means for a step of a track in the release being read. No imports: the progress island runs
 * this same code, so it stays small.
 */

export const PROGRESS_KEY = 'playbook-progress';

/** The steps a reader marked done in one track of one release, and when they last changed. */
export interface ProgressRecord {
  release: string;
  done: string[];
  /** ISO date and time of the last change. */
  at: string;
}

/** Everything stored: per track, one record per release the reader worked in. */
export interface ProgressStore {
  version: 1;
  tracks: Record<string, ProgressRecord[]>;
}

/**
 * A step's page changed between an older release and the one being read: what the build emits for
 * the island. `ids` are the page ids under which a reader of the older release read it, when not
 * the step's own id (the step's page replaced them).
 */
export interface StepChange {
  release: string;
  /** The diff of the page between that release and this one. */
  diff: string;
  ids?: string[];
}

/** What the island needs for one track page (or one step on a content page). */
export interface TrackData {
  track: string;
  release: string;
  /** Releases before this one that had the track, oldest first. */
  older: string[];
  /** For each step page that changed since an older release: how, per release. */
  changed: Record<string, StepChange[]>;
}

export type StepState =
  | { state: 'todo' }
  /** Marked done here, or in an older release and unchanged since. */
  | { state: 'done'; release: string }
  /** Marked done in an older release, and the page changed since. */
  | { state: 'changed'; release: string; diff: string };

export function emptyProgress(): ProgressStore {
  return { version: 1, tracks: {} };
}

const isRecord = (value: unknown): value is ProgressRecord =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ProgressRecord).release === 'string' &&
  typeof (value as ProgressRecord).at === 'string' &&
  Array.isArray((value as ProgressRecord).done) &&
  (value as ProgressRecord).done.every((id) => typeof id === 'string');

/** Reads what was stored; anything unreadable (or another format) counts as no progress, never as an error. */
export function parseProgress(text: string | null | undefined): ProgressStore {
  const store = emptyProgress();
  try {
    const value = JSON.parse(text ?? '') as Partial<ProgressStore>;
    if (value?.version !== 1 || typeof value.tracks !== 'object' || value.tracks === null) return store;
    for (const [track, records] of Object.entries(value.tracks)) {
      if (Array.isArray(records)) store.tracks[track] = records.filter(isRecord);
    }
  } catch {
    // Not ours, or damaged: start again rather than break the page.
  }
  return store;
}

/**
 * Marks a step done (in the release being read) or not done (in every release, so that an older
 * record does not make it reappear done). Returns a new store.
 * @param ids the page ids that count as this step: its own, and any it replaced
 */
export function markStep(store: ProgressStore, track: string, release: string, ids: readonly string[], done: boolean, now: Date): ProgressStore {
  const at = now.toISOString();
  let records = (store.tracks[track] ?? []).map((record) => ({ ...record, done: [...record.done] }));
  if (done) {
    let record = records.find((candidate) => candidate.release === release);
    if (!record) records.push((record = { release, done: [], at }));
    if (!record.done.includes(ids[0])) record.done.push(ids[0]);
    record.at = at;
  } else {
    for (const record of records) {
      const kept = record.done.filter((id) => !ids.includes(id));
      if (kept.length !== record.done.length) Object.assign(record, { done: kept, at });
    }
    records = records.filter((record) => record.done.length > 0);
  }
  const tracks = { ...store.tracks, [track]: records };
  if (records.length === 0) delete tracks[track];
  return { version: 1, tracks };
}

/**
 * Forgets a track's progress in the given releases only: a track page shows the progress of its own
 * release and the older ones it carries over, and clearing there must not touch a newer release's.
 */
export function clearTrack(store: ProgressStore, track: string, releases: readonly string[]): ProgressStore {
  const records = (store.tracks[track] ?? []).filter((record) => !releases.includes(record.release));
  const tracks = { ...store.tracks, [track]: records };
  if (records.length === 0) delete tracks[track];
  return { version: 1, tracks };
}

/** The records `clearTrack` would forget: what an undo puts back. */
export function trackRecords(store: ProgressStore, track: string, releases: readonly string[]): ProgressRecord[] {
  return (store.tracks[track] ?? []).filter((record) => releases.includes(record.release));
}

/**
 * Puts cleared records back (undo). A release marked again since the clearing keeps its new steps
 * too, so nothing the reader did in between is lost.
 */
export function restoreRecords(store: ProgressStore, track: string, restored: readonly ProgressRecord[]): ProgressStore {
  const records = (store.tracks[track] ?? []).map((record) => ({ ...record, done: [...record.done] }));
  for (const old of restored) {
    const current = records.find((record) => record.release === old.release);
    if (current) current.done = [...new Set([...old.done, ...current.done])];
    else records.push({ ...old, done: [...old.done] });
  }
  const tracks = { ...store.tracks };
  if (records.length) tracks[track] = records;
  return { version: 1, tracks };
}

/**
 * Where a step stands for the reader: done in this release; else the newest older release in which
 * they marked it (or a page it replaced), and whether its page changed since.
 */
export function stepState(store: ProgressStore, data: Pick<TrackData, 'track' | 'release' | 'older' | 'changed'>, page: string): StepState {
  const records = store.tracks[data.track] ?? [];
  const doneIn = (release: string, ids: readonly string[]) =>
    records.some((record) => record.release === release && record.done.some((id) => ids.includes(id)));
  if (doneIn(data.release, [page])) return { state: 'done', release: data.release };
  for (const release of [...data.older].reverse()) {
    const change = data.changed[page]?.find((entry) => entry.release === release);
    if (!doneIn(release, change?.ids ?? [page])) continue;
    return change ? { state: 'changed', release, diff: change.diff } : { state: 'done', release };
  }
  return { state: 'todo' };
}
