import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { releasesFeed } from '../../src/lib/feed.ts';
import { xmlError } from '../xml.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

type Node = { name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string };
const children = (node: Node, name: string) => (node.children ?? []).filter((child) => child.name === name);
const text = (node: Node): string => (node.data ?? '') + (node.children ?? []).map(text).join('');

/** The parts RFC 4287 requires of a feed and each entry, as problems found (none when valid). */
function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const wellFormed = xmlError(xml);
  if (wellFormed) return [`not well-formed: ${wellFormed}`];
  const document = parseDocument(xml, { xmlMode: true }) as unknown as Node;
  const [feed] = children(document, 'feed');
  if (!feed || feed.attribs?.xmlns !== 'http://www.w3.org/2005/Atom') return ['root is not an Atom <feed>'];
  const one = (node: Node, name: string, where: string) => {
    if (children(node, name).length !== 1) problems.push(`${where}: expected exactly one <${name}>`);
  };
  for (const name of ['id', 'title', 'updated']) one(feed, name, 'feed');
  const feedHasAuthor = children(feed, 'author').some((author) => children(author, 'name').length === 1);
  for (const [index, entry] of children(feed, 'entry').entries()) {
    for (const name of ['id', 'title', 'updated']) one(entry, name, `entry ${index}`);
    if (!feedHasAuthor && !children(entry, 'author').length) problems.push(`entry ${index}: no author, and the feed has none`);
    if (!children(entry, 'link').some((link) => link.attribs?.href)) problems.push(`entry ${index}: no link`);
    if (!children(entry, 'content').length && !children(entry, 'summary').length) problems.push(`entry ${index}: no content or summary`);
  }
  for (const node of [feed, ...children(feed, 'entry')]) {
    for (const updated of children(node, 'updated')) if (Number.isNaN(Date.parse(text(updated)))) problems.push(`<updated> is not a date: ${text(updated)}`);
    for (const id of children(node, 'id')) if (!/^[a-z][a-z0-9+.-]*:/i.test(text(id))) problems.push(`<id> is not an IRI: ${text(id)}`);
  }
  return problems;
}

/** Every address a feed links to: link hrefs, and the hrefs inside entries' HTML content. */
function hrefs(xml: string): string[] {
  const document = parseDocument(xml, { xmlMode: true }) as unknown as Node;
  const [feed] = children(document, 'feed');
  const links = [feed, ...children(feed, 'entry')].flatMap((node) => children(node, 'link').map((link) => link.attribs!.href));
  const inContent = children(feed, 'entry').flatMap((entry) => children(entry, 'content').flatMap((content) => [...text(content).matchAll(/href="([^"]*)"/g)].map((match) => match[1])));
  return [...links, ...inContent];
}

describe('the Atom feed of releases', () => {
  it('is valid Atom with absolute links when the site’s address is set', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const xml = releasesFeed(library, 'https://playbook.example.org', 'Example Health peer support');
    expect(atomProblems(xml)).toEqual([]);
    const links = hrefs(xml);
    expect(links.length).toBeGreaterThan(library.releases.length);
    for (const href of links) expect(href).toMatch(/^https:\/\/playbook\.example\.org\//);
    expect(xml).toContain('<name>Example Health peer support</name>');
    expect(xml).toContain('<link rel="self" href="https://playbook.example.org/changelog/feed.xml"/>');
  });

  it('is valid Atom with links relative to the site when no address is set', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const xml = releasesFeed(library, undefined);
    expect(atomProblems(xml)).toEqual([]);
    for (const href of hrefs(xml)) expect(href).toMatch(/^\/[^/]/);
    expect(xml).not.toContain('playbook.invalid');
  });

  it('would be caught without an author', async () => {
    const library = await libraryOf(GOOD_FIXTURE);
    const xml = releasesFeed(library, 'https://playbook.example.org').replace(/<author>[\s\S]*?<\/author>/, '');
    expect(atomProblems(xml)).toContain('entry 0: no author, and the feed has none');
  });
});
