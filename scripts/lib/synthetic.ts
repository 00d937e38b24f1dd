import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DRAFT, lockFileOf } from '../../src/lib/content.ts';
import { digestOf, hashFolder } from '../../src/lib/digest.ts';

/**
 * A synthetic playbook for the benchmark (issue 8): many releases of many pages in the project's real
 * content format, with the churn real releases have (a few pages edited, one added, one removed), so a
 * build of it costs what a build of a long-lived playbook would. The text is lorem ipsum on purpose:
 * nobody should mistake it for guidance to clinicians.
 */
export interface SyntheticOptions {
  /** Frozen releases: 1.0, 1.1 ... 1.9, 2.0 ... */
  releases: number;
  /** Pages in every release; 100 unless told. */
  pagesPerRelease?: number;
  /** The same seed gives byte-identical files. */
  seed?: number;
  /** Also write content/draft/ as the next release being edited (one more round of churn); true unless told. */
  draft?: boolean;
}

/** What one release changed from the one before; the first release changes nothing. */
export interface SyntheticChurn {
  release: string;
  edited: string[];
  added: string[];
  removed: string[];
}

export interface SyntheticPlaybook {
  /** Frozen release numbers, oldest first. */
  versions: string[];
  /** One entry per release after the first, then the draft's when there is one. */
  churn: SyntheticChurn[];
  /** Page files written, over every release and the draft. */
  pageFiles: number;
}

/** Pages edited in each release after the first (one paragraph each): the churn in PRODUCT.md. */
export const EDITS_PER_RELEASE = 4;

/** The first pages of release 1.0 are never removed: every page links to one of them, so links never break. */
const CORE_PAGES = 10;

const PARTS = [
  { id: 'lorem-foundations', title: 'Lorem foundations' },
  { id: 'ipsum-practice', title: 'Ipsum practice' },
  { id: 'dolor-referral', title: 'Dolor referral' },
  { id: 'amet-program', title: 'Amet program' },
  { id: 'tempor-measures', title: 'Tempor measures' },
];

const ROLES = ['physician-lead', 'program-manager', 'peer-supporter', 'unit-leader', 'executive-sponsor', 'trainer', 'clinician'];

const WORDS = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ' +
  'enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in ' +
  'reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa ' +
  'qui officia deserunt mollit anim id est laborum curabitur pretium tincidunt lacus nulla gravida orci blandit vestibulum ' +
  'ante primis faucibus ultrices posuere cubilia curae mauris viverra pellentesque habitant morbi tristique senectus netus'
).split(' ');

/** mulberry32: tiny, fast and the same on every platform, which is all a benchmark fixture needs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of its own for each (seed, page, purpose), so editing one page never shifts the text of another. */
function randomFor(seed: number, ...keys: number[]): () => number {
  let mixed = seed >>> 0;
  for (const key of keys) mixed = Math.imul(mixed ^ (key + 0x9e3779b9), 0x85ebca6b) >>> 0;
  return random(mixed);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function between(rand: () => number, low: number, high: number): number {
  return low + Math.floor(rand() * (high - low + 1));
}

function words(rand: () => number, count: number): string[] {
  return Array.from({ length: count }, () => pick(rand, WORDS));
}

function capitalized(list: string[]): string {
  const text = list.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(rand: () => number): string {
  return `${capitalized(words(rand, between(rand, 8, 14)))}.`;
}

function paragraph(rand: () => number, minimumWords: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < minimumWords) {
    const next = sentence(rand);
    sentences.push(next);
    count += next.split(' ').length;
  }
  return sentences.join(' ');
}

interface Section {
  heading: string;
  paragraphs: string[];
}

/** A page as data, so a release can edit one paragraph and leave the rest byte-identical. */
interface SyntheticPage {
  id: string;
  title: string;
  summary: string;
  part: string;
  order: number;
  audience: string[];
  tier?: number;
  reviewed: string;
  supersedes: string[];
  linkTo: string;
  intro: string;
  sections: Section[];
  table: string[][];
  list: string[];
}

function pageId(serial: number): string {
  return `synthetic-page-${String(serial).padStart(3, '0')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const FIRST_DATE = '2024-01-15';

function versionAt(index: number): string {
  return `${1 + Math.floor(index / 10)}.${index % 10}`;
}

function makePage(seed: number, serial: number, linkTo: string, reviewed: string, supersedes: string[]): SyntheticPage {
  const rand = randomFor(seed, serial, 1);
  const audience = [...new Set([pick(rand, ROLES), pick(rand, ROLES)])];
  const tierRoll = between(rand, 0, 3);
  return {
    id: pageId(serial),
    title: capitalized(words(rand, between(rand, 3, 6))),
    summary: sentence(rand),
    part: PARTS[serial % PARTS.length].id,
    order: serial * 10,
    audience,
    tier: tierRoll === 0 ? undefined : tierRoll,
    reviewed,
    supersedes,
    linkTo,
    intro: paragraph(rand, 40),
    sections: Array.from({ length: 4 }, () => ({ heading: capitalized(words(rand, between(rand, 2, 4))), paragraphs: [paragraph(rand, 53), paragraph(rand, 53)] })),
    table: Array.from({ length: 5 }, () => Array.from({ length: 3 }, () => capitalized(words(rand, between(rand, 1, 3))))),
    list: Array.from({ length: 5 }, () => capitalized(words(rand, between(rand, 4, 8)))),
  };
}

function yamlList(values: readonly string[]): string {
  return `[${values.join(', ')}]`;
}

function pageMdx(page: SyntheticPage): string {
  const front = [
    '---',
    `id: ${page.id}`,
    `title: ${page.title}`,
    `summary: ${page.summary}`,
    `part: ${page.part}`,
    `order: ${page.order}`,
    `audience: ${yamlList(page.audience)}`,
    ...(page.tier ? [`tier: ${page.tier}`] : []),
    `reviewed: ${page.reviewed}`,
    ...(page.supersedes.length ? [`supersedes: ${yamlList(page.supersedes)}`] : []),
    `related: ${yamlList([page.linkTo])}`,
    'tags: [synthetic, benchmark]',
    '---',
  ];
  const [header, ...rows] = page.table;
  const table = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const list = page.list.map((item) => `- ${item}`).join('\n');
  const body: string[] = [`${page.intro} See [the related page](page:${page.linkTo}).`];
  page.sections.forEach((section, index) => {
    body.push(`## ${section.heading}`, ...section.paragraphs);
    if (index === 1) body.push(table);
    if (index === 2) body.push(list);
  });
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** The pages of one release (or the draft), by id, in the order they were first written. */
type ReleasePages = Map<string, SyntheticPage>;

/**
 * One round of churn on a copy of `pages`: a paragraph rewritten in 4 pages, 1 page added and 1
 * removed (never a core page, which every link points to, so no link breaks). The added page
 * supersedes the removed one, as a rewrite would.
 */
function churn(seed: number, round: number, pages: ReleasePages, nextSerial: number, date: string, release: string): { pages: ReleasePages; churn: SyntheticChurn } {
  const rand = randomFor(seed, 1_000_000 + round);
  const next: ReleasePages = new Map(pages);
  const ids = [...pages.keys()];
  const core = ids.slice(0, CORE_PAGES);
  const removable = ids.filter((id) => !core.includes(id));
  const removed = pick(rand, removable);
  next.delete(removed);
  const edited: string[] = [];
  const editable = ids.filter((id) => id !== removed);
  while (edited.length < EDITS_PER_RELEASE) {
    const id = pick(rand, editable);
    if (edited.includes(id)) continue;
    edited.push(id);
    const page = next.get(id) as SyntheticPage;
    const sections = page.sections.map((section) => ({ ...section, paragraphs: [...section.paragraphs] }));
    sections[between(rand, 0, 3)].paragraphs[between(rand, 0, 1)] = paragraph(randomFor(seed, 2_000_000 + round, edited.length), 53);
    next.set(id, { ...page, sections, reviewed: date });
  }
  const added = makePage(seed, nextSerial, pick(rand, core), date, [removed]);
  next.set(added.id, added);
  return { pages: next, churn: { release, edited: edited.sort(), added: [added.id], removed: [removed] } };
}

function partsYaml(): string {
  return PARTS.map((part) => `- id: ${part.id}\n  title: ${part.title}\n`).join('');
}

function glossaryYaml(): string {
  return ['lorem', 'ipsum', 'dolor']
    .map((term) => `- id: ${term}\n  term: ${capitalized([term])}\n  definition: Synthetic term for the benchmark, ${term} sit amet.\n`)
    .join('');
}

function tracksYaml(pages: ReleasePages): string {
  const core = [...pages.keys()].slice(0, CORE_PAGES);
  const steps = (ids: string[]) => ids.map((id) => `    - page: ${id}\n      why: Lorem ipsum dolor sit amet.\n`).join('');
  return (
    `- id: lorem-track\n  title: Lorem track\n  audience: peer-supporter\n  summary: A synthetic onboarding track.\n  steps:\n${steps(core.slice(0, 5))}` +
    `- id: ipsum-track\n  title: Ipsum track\n  audience: program-manager\n  summary: Another synthetic onboarding track.\n  steps:\n${steps(core.slice(5))}`
  );
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function writeReleaseFolder(folder: string, pages: ReleasePages): void {
  writeFile(join(folder, 'parts.yaml'), partsYaml());
  writeFile(join(folder, 'glossary.yaml'), glossaryYaml());
  writeFile(join(folder, 'tracks.yaml'), tracksYaml(pages));
  for (const page of pages.values()) writeFile(join(folder, 'pages', `${page.id}.mdx`), pageMdx(page));
}

function notesMdx(seed: number, index: number, version: string, date: string, digest: string, change?: SyntheticChurn): string {
  const rand = randomFor(seed, 3_000_000 + index);
  const changes = change
    ? `- Rewrote a paragraph of ${change.edited.join(', ')}.\n- Added ${change.added.join(', ')}, which replaces ${change.removed.join(', ')}.`
    : '- The first synthetic release.';
  return `---
version: "${version}"
date: ${date}
title: Synthetic release ${version}
summary: ${sentence(rand)}
digest: ${digest}
---

## Why this release

${paragraph(rand, 40)}

## What changed

${changes}
`;
}

/**
 * Writes a synthetic playbook into `contentDir`, which must be empty or missing (so it can never
 * overwrite a real playbook): content/versions/<v>/,
 * content/releases/<v>.mdx and <v>.lock.json as `npm run release` writes them, and content/draft/.
 * The result passes `loadContent` with no problems.
 */
export async function writeSyntheticPlaybook(contentDir: string, options: SyntheticOptions): Promise<SyntheticPlaybook> {
  const seed = options.seed ?? 1;
  const pageCount = options.pagesPerRelease ?? 100;
  if (!Number.isInteger(options.releases) || options.releases < 1) throw new Error(`releases: found ${options.releases}; expected a whole number of at least 1`);
  if (!Number.isInteger(pageCount) || pageCount <= CORE_PAGES) throw new Error(`pagesPerRelease: found ${pageCount}; expected a whole number above ${CORE_PAGES}`);
  if (existsSync(contentDir) && readdirSync(contentDir).length > 0) {
    throw new Error(`${contentDir}: found files in the folder; expected an empty or missing folder for the synthetic playbook`);
  }

  let pages: ReleasePages = new Map();
  for (let serial = 1; serial <= pageCount; serial++) {
    const linkTo = pageId(serial <= CORE_PAGES ? (serial % CORE_PAGES) + 1 : between(randomFor(seed, serial, 0), 1, CORE_PAGES));
    const page = makePage(seed, serial, linkTo, FIRST_DATE, []);
    pages.set(page.id, page);
  }
  let nextSerial = pageCount + 1;
  const versions: string[] = [];
  const churns: SyntheticChurn[] = [];
  let pageFiles = 0;
  const rounds = options.releases + (options.draft === false ? 0 : 1);
  for (let index = 0; index < rounds; index++) {
    const isDraft = index === options.releases;
    const version = isDraft ? DRAFT : versionAt(index);
    const date = addDays(FIRST_DATE, index * 30);
    let change: SyntheticChurn | undefined;
    if (index > 0) {
      const next = churn(seed, index, pages, nextSerial++, date, version);
      pages = next.pages;
      change = next.churn;
      churns.push(change);
    }
    const folder = isDraft ? join(contentDir, DRAFT) : join(contentDir, 'versions', version);
    writeReleaseFolder(folder, pages);
    pageFiles += pages.size;
    if (isDraft) continue;
    versions.push(version);
    // As `npm run release` does: hash the frozen folder, then record the lock and the digest in the notes.
    const hashes = await hashFolder(folder);
    const digest = digestOf(hashes);
    writeFile(lockFileOf(contentDir, version), `${JSON.stringify({ version, digest, files: hashes }, null, 2)}\n`);
    writeFile(join(contentDir, 'releases', `${version}.mdx`), notesMdx(seed, index, version, date, digest, change));
  }
  return { versions, churn: churns, pageFiles };
}
