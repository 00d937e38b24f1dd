import { describe, expect, it } from 'vitest';
import { bodiesNeeded, compareData, distinctBodies, releaseData, releaseFromData, type BodyData, type ReleaseData } from '../../src/lib/compare-data.ts';
import { changeGroups, groupsSentence, renderChangeList, renderComparison, totalsSentence } from '../../src/lib/compare-view.ts';
import { compareUrl, comparePickerUrl } from '../../src/lib/addresses.ts';
import { compareConfig, staticPairs } from '../../src/lib/compare.ts';
import { releasesBetween } from '../../src/lib/change-steps.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);
const v10 = library.release('1.0')!;
const v11 = library.release('1.1')!;
const draft = library.draft!;

/** What the island does: fetch the JSON files (here: round-trip them through JSON) and compare. */
function inTheBrowser(from: typeof v10, to: typeof v10) {
  const datas = releasesBetween(library.all, from, to).map((release) => JSON.parse(JSON.stringify(releaseData(library, release))) as ReleaseData);
  const fromData = datas[0];
  const toData = datas[datas.length - 1];
  const all = distinctBodies(library);
  const needed = bodiesNeeded(fromData, toData);
  const bodies = new Map(needed.map((hash) => [hash, JSON.parse(JSON.stringify(all.get(hash))) as BodyData]));
  const releases = datas.map((data) => releaseFromData(data, bodies));
  return { needed, releases, changes: compareData(releases[0], releases[releases.length - 1]) };
}

describe('compare addresses', () => {
  it('prebuilds each release against the one before, and the draft against the latest', () => {
    expect(staticPairs(library).map(({ from, to }) => compareUrl(from.release, to.release))).toEqual(['/compare/1.0...1.1/', '/compare/1.1...draft/']);
    expect(compareUrl('1.1', '2.0', 'tiers')).toBe('/compare/1.1...2.0/#tiers');
    expect(comparePickerUrl('1.0', '2.0', 'tiers')).toBe('/compare/?from=1.0&to=2.0#tiers');
  });
});

describe('compare data for the browser', () => {
  it('lists a release’s pages without their text, and where removed pages went', () => {
    const data = releaseData(library, v11);
    expect(data.pages.map((page) => [page.id, page.url])).toEqual([
      ['introduction', '/v/1.1/introduction/'],
      ['tiers', '/v/1.1/tiers/'],
      ['encounter-workflow', '/v/1.1/encounter-workflow/'],
      ['listening', '/v/1.1/listening/'],
    ]);
    expect(data.pages[2].supersedes).toEqual(['old-workflow']);
    expect('blocks' in data.pages[0]).toBe(false);
    expect(data.successors).toEqual({ 'old-workflow': 'encounter-workflow' });
  });

  it('keeps each distinct body once, however many releases share it', () => {
    const pages = library.all.flatMap((release) => release.pages);
    expect(distinctBodies(library).size).toBe(new Set(pages.map((page) => page.bodyHash)).size);
    expect(distinctBodies(library).size).toBeLessThan(pages.length);
  });

  it('fetches only the bodies of pages edited, added or removed', () => {
    const { needed } = inTheBrowser(v10, v11);
    const expected = [v10.page('tiers'), v11.page('tiers'), v11.page('encounter-workflow'), v10.page('old-workflow'), v10.page('retired')].map((page) => page!.bodyHash);
    expect(needed.sort()).toEqual(expected.sort());
  });

  it('computes the same changes in the browser as the model', () => {
    for (const [from, to] of [[v10, v11], [v11, draft], [v10, draft]] as const) {
      const model = library.changes(from, to);
      const { changes } = inTheBrowser(from, to);
      const summary = (list: ReadonlyArray<{ id: string; kinds: string[]; successor?: { id: string }; changedShare?: number }>) =>
        list.map((change) => [change.id, change.kinds, change.successor?.id, change.changedShare]);
      expect(summary(changes.changes)).toEqual(summary(model.changes));
      expect(changes.totals).toEqual(model.totals);
    }
  });
});

describe('a comparison across several releases (bug 1)', () => {
  const browser = inTheBrowser(v10, draft);
  const html = renderComparison(browser.changes, { releases: browser.releases });
  const section = (id: string) => html.slice(html.indexOf(`<section class="page-diff" id="${id}"`)).split('</section>')[0];

  it('says a page added in 1.1 was added in 1.1, not new in the draft', () => {
    expect(section('encounter-workflow')).toContain('<p class="page-diff__kinds">Added in release 1.1</p>');
    expect(section('encounter-workflow')).toContain('<li>Added in release 1.1, replacing <a href="/v/1.0/old-workflow/">');
    expect(section('threats')).toContain('<li>Added in the draft</li>');
    expect(html).not.toMatch(/New in the draft/);
  });

  it('says a page removed in 1.1 was removed in 1.1', () => {
    expect(section('retired')).toContain('Removed in release 1.1, with no page replacing it');
    expect(section('old-workflow')).toContain('Removed in release 1.1; replaced by <a href="/v/draft/encounter-workflow/">'.replace('/v/draft/', '/draft/'));
  });

  it('names the releases in between in the lead', () => {
    expect(html).toContain('Between them came release 1.1; each change below names the release it was made in.');
  });

  it('has a summary whose counts agree with its lists', () => {
    const groups = changeGroups(browser.changes);
    const lead = /: (\d+) pages? added, (\d+) changed, (\d+) moved, (\d+) removed; (\d+) pages? unchanged/.exec(html)!;
    const listed = (group: string) => (html.split(`id="compare--${group}"`)[1]?.split('</ul>')[0].match(/<li class="change-list__item">/g) ?? []).length;
    expect(lead.slice(1, 5).map(Number)).toEqual([listed('added'), listed('changed'), listed('moved'), listed('removed')]);
    expect(lead.slice(1, 5).map(Number).reduce((a, b) => a + b)).toBe(browser.changes.changes.length);
    // The same figures as the changelog's.
    expect(groupsSentence(groups)).toBe(totalsSentence(browser.changes.totals));
    expect(html).toContain(`<h3 class="change-group" id="compare--added">Added (${groups.added.length})</h3>`);
  });

  it('tells the picker the releases in order and which one `latest` is', () => {
    expect(compareConfig(library)).toEqual({ order: ['1.0', '1.1', 'draft'], prebuilt: ['1.0...1.1', '1.1...draft'], latest: '1.1' });
  });
});

describe('the comparison markup', () => {
  const html = renderComparison(library.changes(v10, v11));

  it('is the same whether prebuilt or computed in the browser', () => {
    expect(renderComparison(inTheBrowser(v10, v11).changes)).toBe(html);
    const browser = inTheBrowser(v10, draft);
    expect(renderComparison(browser.changes, { releases: browser.releases })).toBe(renderComparison(library.changes(v10, draft), { releases: [v10, v11, draft] }));
  });

  it('gives each changed page a section with its id, and ids that are unique', () => {
    const sections = [...html.matchAll(/<section class="page-diff" id="([^"]+)"/g)].map((match) => match[1]);
    // Added pages first, then changed ones in reading order, then removed ones: as the list groups them.
    expect(sections).toEqual(['encounter-workflow', 'introduction', 'tiers', 'listening', 'old-workflow', 'retired']);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks inserted and deleted words for screen readers too, not by colour alone', () => {
    const tiers = html.slice(html.indexOf('id="tiers"'), html.indexOf('id="listening"'));
    expect(tiers).toContain('<ins><span class="visually-hidden">inserted: </span>');
    expect(tiers).toMatch(/Text changed \(\d+% of words\)/);
    expect(html).toContain('<del><span class="visually-hidden">deleted: </span>');
  });

  it('says what became of removed, renamed and moved pages', () => {
    expect(html).toContain('Removed in release 1.1; replaced by <a href="/v/1.1/encounter-workflow/">');
    expect(html).toContain('Removed in release 1.1, with no page replacing it');
    expect(html).toMatch(/Renamed in release 1.1: <del><span class="visually-hidden">deleted: <\/span>[^<]+<\/del> <ins>/);
    expect(html).toMatch(/Moved in release 1.1, within the part “[^”]+”/);
  });

  it('collapses unchanged pages into a list', () => {
    const changes = library.changes(v11, draft);
    expect(renderComparison(changes)).toMatch(/<details class="compare-unchanged"><summary>3 pages unchanged<\/summary>/);
  });

  it('escapes text taken from pages', () => {
    const changes = library.changes(v11, draft);
    const tricky = { ...changes, changes: changes.changes.map((change) => ({ ...change, after: change.after && { ...change.after, title: 'Fish & <chips>' } })) };
    const out = renderComparison(tricky);
    expect(out).toContain('Fish &amp; &lt;chips&gt;');
    expect(out).not.toContain('<chips>');
  });

  it('lists changes with links to each page and its diff elsewhere', () => {
    const list = renderChangeList(library.changes(v10, v11), (id) => compareUrl('1.0', '1.1', id));
    expect(list).toContain('<a class="change-list__page" href="/v/1.1/tiers/">');
    expect(list).toContain('href="/compare/1.0...1.1/#tiers">Show changes<span class="visually-hidden"> to ');
    expect(list).toContain('href="/v/1.0/retired/"');
    expect(renderChangeList(library.changes(v11, v11), (id) => id)).toBe('<p class="change-list-empty">No page changed.</p>');
  });

  it('sums up the figures in words', () => {
    expect(totalsSentence(library.changes(v10, v11).totals)).toBe('1 page added, 2 changed, 1 moved, 2 removed');
  });
});
