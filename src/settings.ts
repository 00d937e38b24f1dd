import { z } from 'astro/zod';
import config from '../playbook.config.ts';

/**
 * Every setting the site, its build and its scripts read, parsed once: the defaults a program edits
 * in playbook.config.ts, then an environment variable for each (for a build elsewhere, a test, the
 * benchmark). This is the only module that reads `process.env` (tests aside). A bad value stops
 * whatever imports it with the setting's name, where it came from, what was found and what was expected.
 */

/** A setting: its schema (which also turns an environment variable's text into its value), its variable, and what is expected, in words. */
interface Setting {
  env?: string;
  expected: string;
  schema: z.ZodType;
}

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(min).max(max));
const httpAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).transform((href) => href.replace(/\/+$/, ''));
const folder = z.string().trim().min(1);

/** The settings, by name: what CONTRACTS3.md and docs/deploying.md call them. */
const SETTINGS = {
  site: {
    env: 'PLAYBOOK_SITE',
    expected: 'the public address of the site, http(s) with a host and no path, e.g. https://playbook.example.org',
    schema: httpAddress.refine((href) => new URL(href).pathname === '/', 'no path').optional(),
  },
  base: {
    env: 'PLAYBOOK_BASE',
    expected: 'the path the site is served under, starting with "/", e.g. / or /peer-support/',
    schema: z
      .string()
      .trim()
      .regex(/^\/([A-Za-z0-9._~-]+\/?)*$/)
      .transform((path) => (path.endsWith('/') ? path : `${path}/`)),
  },
  organisation: {
    env: 'PLAYBOOK_ORGANISATION',
    expected: 'the name of the organisation that publishes the playbook (a line of text)',
    schema: z.string().trim().min(1).max(200).optional(),
  },
  repository: {
    env: 'PLAYBOOK_REPOSITORY',
    expected: 'the web address of the repository, e.g. https://github.com/example/peer-support-playbook',
    schema: httpAddress.optional(),
  },
  repositoryBranch: {
    env: 'PLAYBOOK_REPOSITORY_BRANCH',
    expected: 'the branch authors edit the draft on, e.g. main',
    schema: z.string().trim().regex(/^[\w./-]+$/),
  },
  reviewPeriodMonths: {
    env: 'PLAYBOOK_REVIEW_MONTHS',
    expected: 'a whole number of months, 1 or more (e.g. 12)',
    schema: wholeNumber(1),
  },
  outDir: { env: 'PLAYBOOK_OUT_DIR', expected: 'a folder to write the built site to, e.g. dist', schema: folder },
  cacheDir: { env: 'PLAYBOOK_CACHE_DIR', expected: 'a folder for the build cache, e.g. node_modules/.astro', schema: folder },
  content: { env: 'PLAYBOOK_CONTENT', expected: 'the content folder, e.g. content', schema: folder },
  copiesDir: {
    env: 'PLAYBOOK_COPIES_DIR',
    expected: 'a folder that keeps each release\'s PDF and offline copy, e.g. .cache/copies',
    schema: folder,
  },
  chromium: { env: 'PLAYBOOK_CHROMIUM', expected: 'the Chromium program that makes the PDFs, e.g. /usr/bin/chromium', schema: folder },
  port: { env: 'PLAYBOOK_PORT', expected: 'a port number from 1 to 65535, e.g. 4321', schema: wholeNumber(1, 65535) },
  // For the benchmark and the tests only: not in playbook.config.ts.
  releaseCache: {
    env: 'PLAYBOOK_RELEASE_CACHE',
    expected: 'on (frozen releases are rendered once and reused) or off (every release rendered, for the benchmark)',
    schema: z.enum(['on', 'off']),
  },
  benchStats: { env: 'PLAYBOOK_BENCH_STATS', expected: 'a file for the build to write its figures to', schema: folder.optional() },
} satisfies Record<string, Setting>;

type Name = keyof typeof SETTINGS;
export type Settings = { [K in Name]: z.output<(typeof SETTINGS)[K]['schema']> };

/** What a program may write in playbook.config.ts (every key optional; the defaults are below). */
export type PlaybookConfig = Partial<{ [K in Name]: z.input<(typeof SETTINGS)[K]['schema']> }>;

const DEFAULTS: PlaybookConfig = {
  base: '/',
  repositoryBranch: 'main',
  reviewPeriodMonths: 12,
  outDir: 'dist',
  cacheDir: 'node_modules/.astro',
  content: 'content',
  copiesDir: '.cache/copies',
  chromium: '/usr/bin/chromium',
  port: 4321,
  releaseCache: 'on',
};

/** A setting with a bad value; the message says which, from where, what was found and what was expected. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * The settings from a config file's values and an environment: a variable that is set and not empty
 * wins over the file, the file over the defaults. Throws a SettingsError naming every bad setting.
 */
export function parseSettings(file: unknown, env: Readonly<Record<string, string | undefined>>, fileName = 'playbook.config.ts'): Settings {
  if (typeof file !== 'object' || file === null) throw new SettingsError(`${fileName}: found ${JSON.stringify(file)}; expected an object of settings`);
  const problems: string[] = [];
  const unknown = Object.keys(file).filter((key) => !(key in SETTINGS));
  if (unknown.length) problems.push(`${fileName}: found the setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected only ${Object.keys(SETTINGS).join(', ')}`);
  const settings: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS) as Array<[Name, Setting]>) {
    const fromEnv = setting.env ? env[setting.env] : undefined;
    const useEnv = fromEnv !== undefined && fromEnv.trim() !== '';
    const value = useEnv ? fromEnv : (file as Record<string, unknown>)[name] ?? DEFAULTS[name];
    const parsed = setting.schema.safeParse(value);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push(`${useEnv ? `${setting.env} (setting ${name})` : `${fileName}: ${name}${setting.env ? ` (or ${setting.env})` : ''}`}: found ${JSON.stringify(value)}; expected ${setting.expected}`);
  }
  if (problems.length) throw new SettingsError(problems.join('\n'));
  return settings as Settings;
}

/** The settings of this run: playbook.config.ts and this process's environment, parsed once. */
export const settings: Settings = parseSettings(config, process.env);

/**
 * The environment for a child process run with other settings (a build into a staging folder, the
 * benchmark's builds): this process's own environment with the given variables replaced.
 */
export function childEnv(overrides: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/**
 * The PLAYBOOK_* variables of this process's environment: what, besides playbook.config.ts, decided
 * the settings (the build cache keys its output by them).
 */
export function playbookEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('PLAYBOOK_')));
}
