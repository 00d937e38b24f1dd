import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { listFiles } from './digest.ts';
import { readYamlContent } from './read-text.ts';
import { problemsFromZod, type ContentProblem } from './problems.ts';
import { ID_PATTERN } from './schema.ts';
import { SUPPRESSION_FLOOR, thresholdOf } from './suppression.ts';

/**
 * The program's data sets: files under `data/` in a release folder, so a release cites exactly the
 * data it shipped with. Aggregate counts only: each row is a number of encounters for one
 * combination of period and (optionally) area, reason, support type, gender and career length.
 * A column about one person, or a row small enough to point at one, is refused here, before
 * anything is published; src/lib/suppression.ts then hides small counts again when tables are drawn.
 */

/** The ways a count may be broken down, in the order a table lists them. */
export const DIMENSIONS = ['period', 'area', 'reason', 'support', 'gender', 'career'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The known categories of each categorical breakdown, with the words a reader sees. */
export const CATEGORIES = {
  reason: { 'adverse-event': 'An adverse patient event', 'other-need': 'Other needs' },
  support: { 'one-to-one': 'One-to-one peer support', group: 'Group debriefing', referral: 'Referral to professional support' },
  gender: { woman: 'Women', man: 'Men', 'another-gender': 'Another gender', 'not-recorded': 'Not recorded' },
  career: { 'in-training': 'In training', 'under-10-years': 'Under 10 years in practice', '10-to-19-years': '10 to 19 years', '20-years-or-more': '20 years or more', 'not-recorded': 'Not recorded' },
} as const satisfies Record<string, Record<string, string>>;

/** Breakdowns that describe the physician rather than the encounter: a small count with one of these can name someone. */
export const PERSONAL_DIMENSIONS: readonly Dimension[] = ['gender', 'career'];

/** Column names that only make sense for one person or one encounter: never in a data set. */
const INDIVIDUAL_COLUMNS = /^(name|first-?name|last-?name|initials|physician|doctor|person|email|e-?mail|phone|mrn|npi|employee(-?id)?|staff(-?id)?|id|record(-?id)?|date|encounter-?date|dob|date-?of-?birth|birth-?date|age|address|zip|postcode|notes?|comments?|specialty|department|unit)$/i;

const DIMENSION_LABELS: Record<Dimension, string> = { period: 'Period', area: 'Area', reason: 'Reason for seeking support', support: 'Type of support', gender: 'Gender', career: 'Career length' };

export function dimensionLabel(dimension: Dimension): string {
  return DIMENSION_LABELS[dimension];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** A period as months since year 0: [first month, last month], or undefined when it is not a period. */
export function periodMonths(period: string): [number, number] | undefined {
  const [from, to = from] = period.split('..');
  const start = monthsOf(from);
  const end = monthsOf(to);
  if (!start || !end || period.split('..').length > 2) return undefined;
  return [start[0], end[1]];
}

function monthsOf(text: string): [number, number] | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]) * 12;
  if (match[2]) return [year + Number(match[2]) - 1, year + Number(match[2]) - 1];
  if (match[3]) return [year + (Number(match[3]) - 1) * 3, year + Number(match[3]) * 3 - 1];
  return [year, year + 11];
}

/** "March 2018", "April to June 2017", "January 2016 to March 2018". */
export function periodLabel(period: string): string {
  const months = periodMonths(period);
  if (!months) return period;
  const [start, end] = months;
  const name = (m: number) => `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;
  if (start === end) return name(start);
  if (start % 12 === 0 && end === start + 11) return String(start / 12);
  if (Math.floor(start / 12) === Math.floor(end / 12)) return `${MONTHS[start % 12]} to ${name(end)}`;
  return `${name(start)} to ${name(end)}`;
}

const category = (dimension: keyof typeof CATEGORIES) => {
  const known = Object.keys(CATEGORIES[dimension]);
  return z.enum(known as [string, ...string[]], { error: `expected one of the known ${dimensionLabel(dimension).toLowerCase()} categories: ${known.join(', ')}` });
};

export const dataRowSchema = z.object({
  period: z.string({ error: 'expected a period: 2017, 2017-Q2, 2017-04, or a range 2016-01..2018-03' }).refine((value) => periodMonths(value) !== undefined, {
    error: 'expected a period: 2017, 2017-Q2, 2017-04, or a range 2016-01..2018-03',
  }),
  count: z.number({ error: 'expected a count: a whole number of 0 or more' }).int({ error: 'expected a count: a whole number of 0 or more' }).min(0, { error: 'expected a count: a whole number of 0 or more' }),
  area: z.string({ error: 'expected an area id in kebab-case, e.g. "area-03"' }).regex(ID_PATTERN, { error: 'expected an area id in kebab-case, e.g. "area-03"' }).optional(),
  reason: category('reason').optional(),
  support: category('support').optional(),
  gender: category('gender').optional(),
  career: category('career').optional(),
});

const tableSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, { error: 'expected a table id in kebab-case, e.g. "by-quarter"' }),
  title: z.string({ error: 'expected a title that says what the table counts' }).min(1),
  rows: z.enum(DIMENSIONS, { error: `expected the breakdown down the table: one of ${DIMENSIONS.join(', ')}` }),
  columns: z.enum(DIMENSIONS, { error: `expected the breakdown across the table: one of ${DIMENSIONS.join(', ')}` }).optional(),
});

export const dataSetSchema = z.strictObject({
  title: z.string({ error: 'expected a title, e.g. "Peer-to-peer encounters, 2016 to March 2018"' }).min(1).describe('What the data set counts, where and when.'),
  summary: z.string({ error: 'expected a one-line summary in plain language' }).min(1).max(300).describe('One line a reader understands: what the numbers are.'),
  kind: z.enum(['published', 'illustrative'], { error: 'expected published (figures the program has published) or illustrative (invented numbers for a worked example)' }),
  source: z.string({ error: 'expected where the figures come from' }).min(1).describe('Where the figures come from; for illustrative data, say they are invented.'),
  measure: z.literal('encounters', { error: 'expected encounters, the only measure the program counts' }).default('encounters'),
  threshold: z
    .number({ error: `expected a whole number of at least ${SUPPRESSION_FLOOR}` })
    .int({ error: `expected a whole number of at least ${SUPPRESSION_FLOOR}` })
    .min(SUPPRESSION_FLOOR, { error: `expected a whole number of at least ${SUPPRESSION_FLOOR}: counts below the threshold are hidden, and the floor is ${SUPPRESSION_FLOOR}` })
    .optional()
    .describe(`Counts below it are shown as "fewer than N"; ${SUPPRESSION_FLOOR} when absent, never lower.`),
  cannotShow: z.array(z.string().min(1), { error: 'expected a list of what the data cannot show, in plain language' }).min(1, { error: 'expected at least one thing the data cannot show' }).describe('What a reader must not read into the numbers.'),
  tables: z.array(tableSchema, { error: 'expected a list of tables to show' }).min(1, { error: 'expected at least one table' }),
  rows: z.array(z.unknown(), { error: 'expected a list of counts' }).min(1, { error: 'expected at least one row of counts' }),
});

export type DataRow = z.output<typeof dataRowSchema>;
export type DataTableSpec = z.output<typeof tableSchema>;

/** One data set of a release, as validated. */
export interface DataSet extends Omit<z.output<typeof dataSetSchema>, 'rows' | 'threshold'> {
  /** The file name without `.yaml`: the data set's address, `/v/<v>/data/<id>.csv`. */
  id: string;
  file: string;
  threshold: number;
  rows: DataRow[];
}

/** Checks one data set's rows and tables against each other: what no schema can say. */
function checkRows(file: string, raw: unknown[], set: z.output<typeof dataSetSchema>, problems: ContentProblem[]): DataRow[] | undefined {
  const threshold = thresholdOf(set.threshold);
  const rows: DataRow[] = [];
  let ok = true;
  let grain: string | undefined;
  let previous: [number, number] | undefined;
  raw.forEach((value, index) => {
    const field = `rows[${index}]`;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ file, field, message: 'found something that is not a row; expected a map such as { period: 2017-Q2, count: 12 }' });
      ok = false;
      return;
    }
    for (const key of Object.keys(value)) {
      if ((DIMENSIONS as readonly string[]).includes(key) || key === 'count') continue;
      const individual = INDIVIDUAL_COLUMNS.test(key);
      problems.push({
        file,
        field: `${field}.${key}`,
        message: individual
          ? `found the column "${key}", which describes one person or one encounter; expected aggregate counts only (period, count, and optionally ${DIMENSIONS.slice(1).join(', ')}). Individual records never belong in the release folder`
          : `found the column "${key}", which a data set does not have; expected only period, count, ${DIMENSIONS.slice(1).join(', ')}`,
      });
      ok = false;
    }
    const parsed = dataRowSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(...problemsFromZod(file, value, parsed.error, field));
      ok = false;
      return;
    }
    const row = parsed.data;
    const keys = DIMENSIONS.filter((dimension) => row[dimension] !== undefined).join(', ');
    grain ??= keys;
    if (keys !== grain) {
      problems.push({ file, field, message: `found a row broken down by ${keys}; expected every row broken down the same way as the first (${grain})` });
      ok = false;
    }
    const months = periodMonths(row.period)!;
    if (months[0] > months[1]) {
      problems.push({ file, field: `${field}.period`, message: `found "${row.period}", which ends before it starts; expected the earlier month first` });
      ok = false;
    } else if (previous && months[0] < previous[0]) {
      problems.push({ file, field: `${field}.period`, message: `found "${row.period}" after a later period; expected rows in order of period, earliest first` });
      ok = false;
    }
    previous = months;
    const personal = PERSONAL_DIMENSIONS.filter((dimension) => row[dimension] !== undefined);
    if (personal.length && row.count > 0 && row.count < threshold) {
      problems.push({
        file,
        field: `${field}.count`,
        message: `found a count of ${row.count} broken down by ${personal.join(' and ')}, which could identify a physician; expected at least ${threshold} in every row that names a personal characteristic (merge the row into a longer period, a wider career band or all areas first)`,
      });
      ok = false;
    }
    rows.push(row);
  });
  set.tables.forEach((table, index) => {
    for (const side of ['rows', 'columns'] as const) {
      const dimension = table[side];
      if (dimension && grain !== undefined && !grain.split(', ').includes(dimension)) {
        problems.push({ file, field: `tables[${index}].${side}`, message: `found "${dimension}", but the rows are broken down by ${grain}; expected one of those` });
        ok = false;
      }
    }
    if (table.columns && table.columns === table.rows) {
      problems.push({ file, field: `tables[${index}].columns`, message: `found "${table.columns}", the same as rows; expected a different breakdown, or no columns` });
      ok = false;
    }
  });
  const ids = set.tables.map((table) => table.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) {
      problems.push({ file, field: `tables[${index}].id`, message: `found "${id}" twice; expected each table id once` });
      ok = false;
    }
  });
  return ok ? rows : undefined;
}

/** Reads and validates `data/*.yaml` of a release folder. Problems are added to `problems`; bad files are left out. */
export async function loadDataSets(folder: string, fileOf: (path: string) => string, problems: ContentProblem[]): Promise<DataSet[]> {
  const dir = join(folder, 'data');
  if (!existsSync(dir)) return [];
  const sets: DataSet[] = [];
  for (const name of (await listFiles(dir)).sort()) {
    const path = join(dir, name);
    const file = fileOf(path);
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/.exec(name);
    if (!match) {
      problems.push({
        file,
        field: 'file',
        message: 'found a file that is not a data set; expected only data/<id>.yaml files of aggregate counts (records about individual physicians or encounters never belong in the release folder)',
      });
      continue;
    }
    const data = readYamlContent(file, path, dataSetSchema, problems);
    if (!data) continue;
    const rows = checkRows(file, data.rows, data, problems);
    if (rows) sets.push({ ...data, id: match[1], file, threshold: thresholdOf(data.threshold), rows });
  }
  return sets;
}

/** The label a reader sees for a category or period. */
export function valueLabel(dimension: Dimension, value: string): string {
  if (dimension === 'period') return periodLabel(value);
  if (dimension === 'area') return value.replace(/^area-0*(\d+)$/, 'Area $1');
  return (CATEGORIES[dimension] as Record<string, string>)[value] ?? value;
}

/** The values of a breakdown present in a data set, in reading order: periods as written, categories as listed. */
export function valuesOf(set: DataSet, dimension: Dimension): string[] {
  const present = [...new Set(set.rows.map((row) => row[dimension]).filter((value): value is string => value !== undefined))];
  if (dimension === 'period') return present;
  if (dimension === 'area') return present.sort();
  const order = Object.keys(CATEGORIES[dimension]);
  return present.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
