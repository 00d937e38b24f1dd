import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { areasUrl } from './addresses.ts';
import { listFiles } from './digest.ts';
import { readYamlContent } from './read-text.ts';
import type { ContentProblem } from './problems.ts';
import { addMonths } from './review.ts';
import { ROLE_IDS } from './roles.ts';
import { ID_PATTERN, isoDate } from './schema.ts';

/**
 * The thirteen areas' own details: activation number, crisis line, Tier 3 partners, legal
 * contact. They live in `content/areas/<area-id>.yaml`, outside every release folder, because a
 * phone number changes between releases and a frozen release must not. Pages name a detail with
 * `<Local key="activation-number" />`, never its value, so no value reaches a release's digest.
 */

/** Every detail a page may ask for: the key written in `<Local key="…">`, and the words shown when no area is chosen. */
export const LOCAL_KEYS = {
  'activation-number': { label: 'Activation number', neutral: "your area's activation number" },
  'activation-hours': { label: 'Activation hours', neutral: "your area's activation hours" },
  'crisis-line': { label: 'Crisis line', neutral: "your area's crisis line" },
  'tier-3-partners': { label: 'Tier 3 partners', neutral: "your area's Tier 3 partners" },
  'legal-contact': { label: 'Legal contact', neutral: "your area's legal contact" },
} as const satisfies Record<string, { label: string; neutral: string }>;

export type LocalKey = keyof typeof LOCAL_KEYS;
export const LOCAL_KEY_NAMES = Object.keys(LOCAL_KEYS) as LocalKey[];

export { AREA_STORAGE_KEY } from './area-choice.ts';

const detail = z.string({ error: 'expected the detail as quoted text' }).trim().min(1, { error: 'expected the detail as text, not empty' });

export const areaSchema = z.strictObject({
  name: z.string({ error: 'expected the area name, e.g. "Area 3 (illustrative)"' }).min(1).describe('The area as its physicians call it.'),
  illustrative: z.boolean({ error: 'expected true for invented details, false for real ones' }).describe('True while the details are invented examples; the pages say so.'),
  updated: isoDate.describe('The day the details were last checked; older than the review period, the area is flagged.'),
  owner: z.enum(ROLE_IDS, { error: `expected the role that keeps the details up to date: one of ${ROLE_IDS.join(', ')}` }),
  details: z
    .strictObject(Object.fromEntries(LOCAL_KEY_NAMES.map((key) => [key, detail.optional()])) as Record<LocalKey, z.ZodOptional<typeof detail>>, {
      error: `expected a map of details: ${LOCAL_KEY_NAMES.join(', ')}`,
    })
    .describe('The values pages show through <Local key="…" />.'),
  policies: z
    .array(z.strictObject({ title: z.string().min(1), url: z.url({ protocol: /^https$/, error: 'expected an https:// address' }) }), { error: 'expected a list of { title, url }' })
    .default([])
    .describe('Local policies, linked from the area page.'),
});

export interface Area extends z.output<typeof areaSchema> {
  id: string;
  file: string;
  details: Partial<Record<LocalKey, string>>;
}

/** Reads `content/areas/*.yaml`; problems name the file and the field. */
export async function loadAreas(contentDir: string, fileOf: (path: string) => string, problems: ContentProblem[]): Promise<Area[]> {
  const dir = join(contentDir, 'areas');
  if (!existsSync(dir)) return [];
  const areas: Area[] = [];
  for (const name of (await listFiles(dir)).sort()) {
    const path = join(dir, name);
    const file = fileOf(path);
    const id = name.replace(/\.yaml$/, '');
    if (!name.endsWith('.yaml') || name.includes('/') || !ID_PATTERN.test(id)) {
      problems.push({ file, field: 'file', message: 'found a file that is not an area; expected content/areas/<area-id>.yaml, the id in kebab-case' });
      continue;
    }
    const data = readYamlContent(file, path, areaSchema, problems);
    if (data) areas.push({ ...data, id, file });
  }
  return areas;
}

/**
 * Every key the latest release's pages use must be answered by every area, or a reader of that
 * area would see a blank where their number should be.
 */
export function missingAreaKeys(areas: readonly Area[], used: ReadonlyMap<LocalKey, string>, release: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const area of areas) {
    for (const [key, page] of used) {
      if (!area.details[key]) {
        problems.push({ file: area.file, field: `details.${key}`, message: `the detail is missing, but release ${release} uses it (${page}); expected every area to give every detail the latest release uses` });
      }
    }
  }
  return problems;
}

/** An area whose details were last checked longer ago than the review period. */
export interface StaleArea {
  area: Area;
  /** The day the details became due for a check: `updated` plus the period. */
  dueBy: string;
}

/**
 * The areas to flag on /review/: details not checked within `periodMonths` of `now` (the build
 * date), oldest first. A contact that is a year out of date is a call that goes nowhere.
 */
export function staleAreas(areas: readonly Area[], now: Date, periodMonths: number): StaleArea[] {
  const today = now.toISOString().slice(0, 10);
  return areaChecksDue(areas, periodMonths).filter((entry) => entry.dueBy < today);
}

/**
 * Every area with the day its details fall due for a check, oldest first: what /review/ lists, its
 * status decided in the reader's browser on the reader's day (like the pages' reviews).
 */
export function areaChecksDue(areas: readonly Area[], periodMonths: number): StaleArea[] {
  return areas
    .map((area) => ({ area, dueBy: addMonths(area.updated, periodMonths) }))
    .sort((a, b) => a.area.updated.localeCompare(b.area.updated) || a.area.name.localeCompare(b.area.name));
}

/** What the Local island reads: each area's name and details, by id. */
export function localValues(areas: readonly Area[]): Record<string, { name: string; url: string; illustrative: boolean; details: Partial<Record<LocalKey, string>> }> {
  return Object.fromEntries(areas.map((area) => [area.id, { name: area.name, url: areasUrl(area.id), illustrative: area.illustrative, details: area.details }]));
}

