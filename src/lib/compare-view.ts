import { releasePhrase } from './addresses.ts';
import type { ChangeKind, ChangeTotals, ComparablePage, ComparableRelease, PageChange, ReleaseChanges } from './changes.ts';
import { changeReleases, type ChangeReleases } from './change-steps.ts';
import { condense, diffBlocks, type DiffRow, type SkippedRows } from './diff.ts';

/**
 * The markup of a comparison, as one HTML string: the prebuilt /compare/<from>...<to>/ pages and
 * the compare island render it with this same code, so a shared link to a page's diff lands on the
 * same thing either way. Every value is escaped by the `html` template below.
 *
 * Each changed page's section has the page id as its id. The view's own ids contain `--`, which a
 * page id (kebab-case, single hyphens) never does, so the two can never clash.
 */

/** What the view reads of a page: the model's Page, or a page rebuilt from /compare-data/. */
export interface ViewPage extends ComparablePage {
  url: string;
  partTitle: string;
}

export interface ViewRelease extends ComparableRelease<ViewPage> {
  release: string;
  label: string;
  isDraft: boolean;
  date?: string;
  url: string;
}

export type ViewChanges = ReleaseChanges<ViewPage, ViewRelease>;
type ViewChange = PageChange<ViewPage>;

/** HTML that is already safe; anything else put into `html` is escaped. */
class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, text, index) => out + render(values[index - 1]) + text));
}


function pages(count: number): string {
  return `${count} ${count === 1 ? 'page' : 'pages'}`;
}

/** "2 pages added, 3 changed, 0 moved, 1 removed": the figures of the changelog and the compare summary, one per group of the list. */
export function totalsSentence(totals: ChangeTotals): string {
  return `${pages(totals.added)} added, ${totals.changed} changed, ${totals.moved} moved, ${totals.removed} removed`;
}

function percent(share: number): string {
  const value = Math.round(share * 100);
  return value === 0 ? 'under 1%' : `${value}%`;
}

/** "release 1.1, 2.0 and the draft": where one kind of change happened. */
function releaseList(releases: readonly ViewRelease[]): string {
  const names = releases.map((release, index) => (index === 0 || release.isDraft ? releasePhrase(release.release) : release.label));
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * What happened to a page, in words a reader scans: "text changed in 1.1 (12% of words), renamed in
 * 2.0". `where` says in which release each kind happened; without it every change is credited to the
 * comparison's newer release, which is only true of neighbouring releases.
 */
export function changeWords(change: ViewChange, where?: ChangeReleases<ViewRelease>): string {
  const inRelease = (kind: ChangeKind) => (where?.[kind]?.length ? ` in ${releaseList(where[kind])}` : '');
  return change.kinds
    .map((kind) => {
      switch (kind) {
        case 'added':
          return `added${inRelease(kind)}`;
        case 'removed':
          return `removed${inRelease(kind)}`;
        case 'renamed':
          return `renamed${inRelease(kind)}`;
        case 'moved':
          return `moved${inRelease(kind)}`;
        case 'edited':
          return `text changed${inRelease(kind)}${change.changedShare === undefined ? '' : ` (${percent(change.changedShare)} of words)`}`;
      }
    })
    .join(', ');
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const title = (change: ViewChange) => (change.after ?? change.before)?.title ?? change.id;

function segments(row: Pick<DiffRow, 'segments'>): Html {
  return html`${row.segments.map((segment) =>
    segment.op === 'ins'
      ? html`<ins><span class="visually-hidden">inserted: </span>${segment.text}</ins>`
      : segment.op === 'del'
        ? html`<del><span class="visually-hidden">deleted: </span>${segment.text}</del>`
        : segment.text,
  )}`;
}

function diffRow(row: DiffRow): Html {
  if (row.kind === 'heading') {
    // The page's own h2 sits under the page section's h2, so its headings go one level down.
    const level = Math.min((row.depth ?? 2) + 1, 6);
    return new Html(`<h${level} class="diff-heading diff-row--${row.status}">${segments(row)}</h${level}>`);
  }
  if (row.cells) {
    // A table row, cell by cell; screen readers hear the cells apart.
    return html`<p class="diff-text diff-cells diff-row--${row.status}">${row.cells.map(
      (cell, index) => html`${index ? html`<span class="visually-hidden">; </span>` : ''}<span class="diff-cell">${segments({ segments: cell })}</span>`,
    )}</p>`;
  }
  return html`<p class="diff-text diff-row--${row.status}">${segments(row)}</p>`;
}

function diffRows(rows: ReadonlyArray<DiffRow | SkippedRows>): Html {
  return html`<div class="diff">${rows.map((row) => {
    if (row.kind !== 'skip') return diffRow(row);
    // The passages left out stay in the page, folded: a reviewer opens them where they are, without JavaScript.
    return html`<details class="diff-skip"><summary>${row.count} unchanged ${row.count === 1 ? 'passage' : 'passages'}: show</summary>${row.rows.map(diffRow)}</details>`;
  })}</div>`;
}

/**
 * The groups a reviewer reads separately: pages added, changed (text or title, perhaps moved too),
 * only moved, and removed. Each changed page is in exactly one, as in the totals (src/lib/changes.ts).
 */
export interface ChangeGroups {
  added: ViewChange[];
  changed: ViewChange[];
  moved: ViewChange[];
  removed: ViewChange[];
}

export function changeGroups(changes: ViewChanges): ChangeGroups {
  const has = (change: ViewChange, kind: ChangeKind) => change.kinds.includes(kind);
  return {
    added: changes.changes.filter((change) => has(change, 'added')),
    changed: changes.changes.filter((change) => has(change, 'edited') || has(change, 'renamed')),
    moved: changes.changes.filter((change) => has(change, 'moved') && !has(change, 'edited') && !has(change, 'renamed')),
    removed: changes.changes.filter((change) => has(change, 'removed')),
  };
}

/** "1 page added, 3 changed, 0 moved, 1 removed": the counts of the groups, so the sentence always agrees with the list. */
export function groupsSentence(groups: ChangeGroups): string {
  return `${pages(groups.added.length)} added, ${groups.changed.length} changed, ${groups.moved.length} moved, ${groups.removed.length} removed`;
}

const GROUP_TITLES: Record<keyof ChangeGroups, string> = { added: 'Added', changed: 'Changed', moved: 'Moved', removed: 'Removed' };

export interface ChangeListOptions {
  /**
   * Every release from the comparison's first to its last, oldest first, so that each change names the
   * release it happened in. Defaults to the two releases compared, which is right for neighbours only.
   */
  releases?: readonly ViewRelease[];
  /** Level of the groups' headings (the list sits under an h2). */
  headingLevel?: number;
  /** Prefix of the groups' heading ids, unique in the page. */
  idPrefix?: string;
}

function whereOf(changes: ViewChanges, releases: readonly ViewRelease[] | undefined): Map<string, ChangeReleases<ViewRelease>> | undefined {
  // Between neighbours every change happened in the newer one: the words would only repeat the heading.
  if (!releases || releases.length <= 2) return undefined;
  return changeReleases(changes, releases);
}

/**
 * The list of changed pages in three groups (added, changed, removed): each links to the page and to
 * its diff (on the same page: `#<id>`).
 */
export function renderChangeList(changes: ViewChanges, diffHref: (id: string) => string, options: ChangeListOptions = {}): string {
  if (changes.changes.length === 0) return html`<p class="change-list-empty">No page changed.</p>`.value;
  const where = whereOf(changes, options.releases);
  const level = options.headingLevel ?? 3;
  const prefix = options.idPrefix ?? 'changes';
  const groups = changeGroups(changes);
  return (Object.keys(groups) as Array<keyof ChangeGroups>)
    .filter((group) => groups[group].length)
    .map((group) => {
      const id = `${prefix}--${group}`;
      return html`${new Html(`<h${level} class="change-group" id="${id}">`)}${GROUP_TITLES[group]} (${groups[group].length})${new Html(`</h${level}>`)}
<ul class="change-list" aria-labelledby="${id}">${groups[group].map((change) => {
        const page = change.after ?? change.before;
        const replaced = change.replaces.flatMap((id) => changes.from.page(id) ?? []);
        return html`<li class="change-list__item"><a class="change-list__page" href="${page?.url}">${title(change)}</a>
<span class="change-list__kinds">${capitalized(changeWords(change, where?.get(change.id)))}${
          change.successor ? html`; replaced by <a href="${change.successor.url}">${change.successor.title}</a>` : ''
        }${replaced.length ? html`; replaces ${replaced.map((old, index) => html`${index ? ', ' : ''}<a href="${old.url}">${old.title}</a>`)}` : ''}</span>
<a class="change-list__diff" href="${diffHref(change.id)}">Show changes<span class="visually-hidden"> to ${title(change)}</span></a></li>`;
      })}</ul>`.value;
    })
    .join('\n');
}

/** "Figure changed: figures/a.png", keyed on the file's hash: a picture's change has no words to diff. */
function assetFacts(before: ViewPage, after: ViewPage): Html[] {
  const old = new Map((before.assets ?? []).map((asset) => [asset.path, asset.hash]));
  const now = new Map((after.assets ?? []).map((asset) => [asset.path, asset.hash]));
  const noun = (path: string) => (path.startsWith('figures/') ? 'Figure' : 'Download');
  const items: Html[] = [];
  for (const [path, hash] of now) {
    if (!old.has(path)) items.push(html`<li>${noun(path)} added: ${path}</li>`);
    else if (old.get(path) !== hash) items.push(html`<li>${noun(path)} changed: ${path}</li>`);
  }
  for (const path of old.keys()) if (!now.has(path)) items.push(html`<li>${noun(path)} removed: ${path}</li>`);
  return items;
}

function facts(change: ViewChange, from: ViewRelease, to: ViewRelease, where: ChangeReleases<ViewRelease>): Html {
  const { before, after } = change;
  const inRelease = (kind: ChangeKind) => releaseList(where[kind] ?? [to]);
  const items: Html[] = before && after ? assetFacts(before, after) : [];
  if (before && after && change.kinds.includes('renamed')) {
    items.push(
      html`<li>Renamed in ${inRelease('renamed')}: ${segments({ segments: [{ op: 'del', text: before.title }, { op: 'same', text: ' ' }, { op: 'ins', text: after.title }] })}</li>`,
    );
  }
  if (before && after && change.kinds.includes('moved')) {
    items.push(
      before.part === after.part
        ? html`<li>Moved in ${inRelease('moved')}, within the part “${after.partTitle}”</li>`
        : html`<li>Moved in ${inRelease('moved')}, from the part “${before.partTitle}” to “${after.partTitle}”</li>`,
    );
  }
  if (before && after && change.kinds.includes('edited')) {
    items.push(html`<li>Text changed in ${inRelease('edited')}</li>`);
  }
  if (change.kinds.includes('removed')) {
    items.push(
      change.successor
        ? html`<li>Removed in ${inRelease('removed')}; replaced by <a href="${change.successor.url}">${change.successor.title}</a></li>`
        : html`<li>Removed in ${inRelease('removed')}, with no page replacing it</li>`,
    );
  }
  if (change.kinds.includes('added')) {
    const replaced = change.replaces.flatMap((id) => from.page(id) ?? []);
    items.push(
      html`<li>Added in ${inRelease('added')}${replaced.length ? html`, replacing ${replaced.map((old, index) => html`${index ? ', ' : ''}<a href="${old.url}">${old.title}</a>`)}` : ''}</li>`,
    );
  }
  const links = [
    before && html`<a href="${before.url}">As it was in ${releasePhrase(from.release)}</a>`,
    after && html`<a href="${after.url}">As it is in ${releasePhrase(to.release)}</a>`,
  ].filter((link): link is Html => Boolean(link));
  return html`<ul class="page-diff__facts">${items}<li>${links.map((link, index) => html`${index ? ' · ' : ''}${link}`)}</li></ul>`;
}

function pageSection(change: ViewChange, from: ViewRelease, to: ViewRelease, context: number, where: ChangeReleases<ViewRelease>, summaryWhere: ChangeReleases<ViewRelease> | undefined): Html {
  const { before, after } = change;
  let body: Html | string = '';
  if (before && after && before.bodyHash !== after.bodyHash) {
    body = diffRows(condense(diffBlocks(before.blocks, after.blocks), context));
  } else if (after && !before) {
    body = html`<details class="page-diff__text"><summary>The text of the new page</summary>${diffRows(diffBlocks([], after.blocks))}</details>`;
  } else if (before && !after) {
    body = html`<details class="page-diff__text"><summary>The text of the removed page</summary>${diffRows(diffBlocks(before.blocks, []))}</details>`;
  } else {
    body = html`<p class="page-diff__same-text">The text is unchanged.</p>`;
  }
  return html`<section class="page-diff" id="${change.id}" aria-labelledby="${change.id}--title">
<h2 id="${change.id}--title">${title(change)}</h2>
<p class="page-diff__kinds">${capitalized(changeWords(change, summaryWhere))}</p>
${facts(change, from, to, where)}
${body}
</section>
`;
}

export interface ComparisonOptions {
  /** Unchanged blocks shown either side of a change (the rest are folded). */
  context?: number;
  /**
   * Every release from the first compared to the last, oldest first: each change then names the
   * release it happened in. Defaults to the two releases compared, which is right for neighbours only.
   */
  releases?: readonly ViewRelease[];
}

/**
 * Everything below the page's h1: the pair, the changed pages in three groups, one section per changed
 * page (`id="<page-id>"`) with its diff, and the unchanged pages collapsed.
 */
export function renderComparison(changes: ViewChanges, options: ComparisonOptions = {}): string {
  const { from, to } = changes;
  const context = options.context ?? 1;
  const releases = options.releases ?? [from, to];
  const where = changeReleases(changes, releases);
  const summaryWhere = whereOf(changes, releases);
  const groups = changeGroups(changes);
  const ordered = [...groups.added, ...groups.changed, ...groups.moved, ...groups.removed];
  const date = (release: ViewRelease) => (release.date ? html` (<time datetime="${release.date}">${release.date}</time>)` : '');
  const between = releases.slice(1, -1);
  return html`<p class="compare-lead">From <a href="${from.url}">${releasePhrase(from.release)}</a>${date(from)} to <a href="${to.url}">${releasePhrase(to.release)}</a>${date(to)}: ${groupsSentence(groups)}; ${pages(changes.unchanged.length)} unchanged.${
    between.length ? html` Between them came ${releaseList(between)}; each change below names the release it was made in.` : ''
  }</p>
<p class="compare-legend">In the text below, inserted words are <ins>underlined</ins> and deleted words <del>struck through</del>; screen readers announce them as inserted and deleted. Headings are the pages' own, so you can move through a page's changes by heading.</p>
<section class="compare-summary" aria-labelledby="compare--summary">
<h2 id="compare--summary">Pages that changed</h2>
${new Html(renderChangeList(changes, (id) => `#${id}`, { releases, idPrefix: 'compare' }))}
</section>
${ordered.map((change) => pageSection(change, from, to, context, where.get(change.id) ?? {}, summaryWhere?.get(change.id)))}
${
  changes.unchanged.length
    ? html`<details class="compare-unchanged"><summary>${pages(changes.unchanged.length)} unchanged</summary><ul class="page-list page-list--compact">${changes.unchanged.map(
        (page) => html`<li><a href="${page.url}">${page.title}</a></li>`,
      )}</ul></details>`
    : ''
}`.value;
}
