import type { ChangeTotals, ComparablePage, ComparableRelease, PageChange, ReleaseChanges } from './changes.ts';
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

/** "release 1.1" or "the draft", for sentences. */
export function releaseName(release: Pick<ViewRelease, 'isDraft' | 'label'>): string {
  return release.isDraft ? 'the draft' : `release ${release.label}`;
}

function pages(count: number): string {
  return `${count} ${count === 1 ? 'page' : 'pages'}`;
}

/** "2 pages added, 3 changed, 0 moved, 1 removed": the figures of the changelog and the compare summary. */
export function totalsSentence(totals: ChangeTotals): string {
  return `${pages(totals.added)} added, ${totals.changed} changed, ${totals.moved} moved, ${totals.removed} removed`;
}

function percent(share: number): string {
  const value = Math.round(share * 100);
  return value === 0 ? 'under 1%' : `${value}%`;
}

/** What happened to a page, in words a reader scans: "text changed (12% of words), renamed". */
export function changeWords(change: ViewChange): string {
  return change.kinds
    .map((kind) => {
      switch (kind) {
        case 'added':
          return 'new page';
        case 'removed':
          return 'removed';
        case 'renamed':
          return 'renamed';
        case 'moved':
          return 'moved';
        case 'edited':
          return change.changedShare === undefined ? 'text changed' : `text changed (${percent(change.changedShare)} of words)`;
      }
    })
    .join(', ');
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const title = (change: ViewChange) => (change.after ?? change.before)?.title ?? change.id;

function segments(row: DiffRow): Html {
  return html`${row.segments.map((segment) =>
    segment.op === 'ins'
      ? html`<ins><span class="visually-hidden">inserted: </span>${segment.text}</ins>`
      : segment.op === 'del'
        ? html`<del><span class="visually-hidden">deleted: </span>${segment.text}</del>`
        : segment.text,
  )}`;
}

function diffRows(rows: ReadonlyArray<DiffRow | SkippedRows>): Html {
  return html`<div class="diff">${rows.map((row) => {
    if (row.kind === 'skip') return html`<p class="diff-skip">${row.count} unchanged ${row.count === 1 ? 'passage' : 'passages'} not shown</p>`;
    if (row.kind === 'heading') {
      // The page's own h2 sits under the page section's h2, so its headings go one level down.
      const level = Math.min((row.depth ?? 2) + 1, 6);
      return new Html(`<h${level} class="diff-heading diff-row--${row.status}">${segments(row)}</h${level}>`);
    }
    return html`<p class="diff-text diff-row--${row.status}">${segments(row)}</p>`;
  })}</div>`;
}

/** The list of changed pages: each links to the page and to its diff (on the same page: `#<id>`). */
export function renderChangeList(changes: ViewChanges, diffHref: (id: string) => string): string {
  if (changes.changes.length === 0) return html`<p class="change-list-empty">No page changed.</p>`.value;
  return html`<ul class="change-list">${changes.changes.map((change) => {
    const page = change.after ?? change.before;
    const replaced = change.replaces.flatMap((id) => changes.from.page(id) ?? []);
    return html`<li class="change-list__item"><a class="change-list__page" href="${page?.url}">${title(change)}</a>
<span class="change-list__kinds">${changeWords(change)}${
      change.successor ? html`; replaced by <a href="${change.successor.url}">${change.successor.title}</a>` : ''
    }${replaced.length ? html`; replaces ${replaced.map((old, index) => html`${index ? ', ' : ''}<a href="${old.url}">${old.title}</a>`)}` : ''}</span>
<a class="change-list__diff" href="${diffHref(change.id)}">Show changes<span class="visually-hidden"> to ${title(change)}</span></a></li>`;
  })}</ul>`.value;
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

function facts(change: ViewChange, from: ViewRelease, to: ViewRelease): Html {
  const { before, after } = change;
  const items: Html[] = before && after ? assetFacts(before, after) : [];
  if (before && after && change.kinds.includes('renamed')) {
    items.push(html`<li>Renamed: ${segments({ kind: 'text', status: 'changed', segments: [{ op: 'del', text: before.title }, { op: 'same', text: ' ' }, { op: 'ins', text: after.title }] })}</li>`);
  }
  if (before && after && change.kinds.includes('moved')) {
    items.push(
      before.part === after.part
        ? html`<li>Moved within the part “${after.partTitle}”</li>`
        : html`<li>Moved from the part “${before.partTitle}” to “${after.partTitle}”</li>`,
    );
  }
  if (change.kinds.includes('removed')) {
    items.push(
      change.successor
        ? html`<li>Removed in ${releaseName(to)}; replaced by <a href="${change.successor.url}">${change.successor.title}</a></li>`
        : html`<li>Removed in ${releaseName(to)}, with no page replacing it</li>`,
    );
  }
  if (change.kinds.includes('added')) {
    const replaced = change.replaces.flatMap((id) => from.page(id) ?? []);
    items.push(
      html`<li>New in ${releaseName(to)}${replaced.length ? html`, replacing ${replaced.map((old, index) => html`${index ? ', ' : ''}<a href="${old.url}">${old.title}</a>`)}` : ''}</li>`,
    );
  }
  const links = [
    before && html`<a href="${before.url}">As it was in ${releaseName(from)}</a>`,
    after && html`<a href="${after.url}">As it is in ${releaseName(to)}</a>`,
  ].filter((link): link is Html => Boolean(link));
  return html`<ul class="page-diff__facts">${items}<li>${links.map((link, index) => html`${index ? ' · ' : ''}${link}`)}</li></ul>`;
}

function pageSection(change: ViewChange, from: ViewRelease, to: ViewRelease, context: number): Html {
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
<p class="page-diff__kinds">${capitalized(changeWords(change))}</p>
${facts(change, from, to)}
${body}
</section>
`;
}

export interface ComparisonOptions {
  /** Unchanged blocks shown either side of a change. */
  context?: number;
}

/**
 * Everything below the page's h1: the pair, the list of changed pages, one section per changed page
 * (`id="<page-id>"`) with its diff, and the unchanged pages collapsed.
 */
export function renderComparison(changes: ViewChanges, options: ComparisonOptions = {}): string {
  const { from, to, totals } = changes;
  const context = options.context ?? 1;
  const date = (release: ViewRelease) => (release.date ? html` (<time datetime="${release.date}">${release.date}</time>)` : '');
  return html`<p class="compare-lead">From <a href="${from.url}">${releaseName(from)}</a>${date(from)} to <a href="${to.url}">${releaseName(to)}</a>${date(to)}: ${totalsSentence(totals)}; ${pages(totals.unchanged)} unchanged.</p>
<p class="compare-legend">In the text below, inserted words are <ins>underlined</ins> and deleted words <del>struck through</del>; screen readers announce them as inserted and deleted. Headings are the pages' own, so you can move through a page's changes by heading.</p>
<section class="compare-summary" aria-labelledby="compare--summary">
<h2 id="compare--summary">Pages that changed</h2>
${new Html(renderChangeList(changes, (id) => `#${id}`))}
</section>
${changes.changes.map((change) => pageSection(change, from, to, context))}
${
  changes.unchanged.length
    ? html`<details class="compare-unchanged"><summary>${pages(changes.unchanged.length)} unchanged</summary><ul class="page-list page-list--compact">${changes.unchanged.map(
        (page) => html`<li><a href="${page.url}">${page.title}</a></li>`,
      )}</ul></details>`
    : ''
}`.value;
}
