import { spawnBuildSync } from './build-lock.ts';
import { describe, expect, it } from 'vitest';
import config from '../../playbook.config.ts';
import { parseSettings, SettingsError } from '../../src/settings.ts';

describe('the settings', () => {
  it('take the defaults of playbook.config.ts when no variable is set', () => {
    const settings = parseSettings(config, {});
    expect(settings).toMatchObject({ site: undefined, base: '/', reviewPeriodMonths: 12, outDir: 'dist', content: 'content', port: 4321, repositoryBranch: 'main' });
  });

  it('let an environment variable win over the file, and an empty one not', () => {
    const settings = parseSettings({ reviewPeriodMonths: 12, base: '/' }, { PLAYBOOK_REVIEW_MONTHS: '6', PLAYBOOK_BASE: '/peer-support', PLAYBOOK_SITE: 'https://playbook.example.org/', PLAYBOOK_PORT: '' });
    expect(settings.reviewPeriodMonths).toBe(6);
    // A base path always ends with its slash; a site address never does.
    expect(settings.base).toBe('/peer-support/');
    expect(settings.site).toBe('https://playbook.example.org');
    expect(settings.port).toBe(4321);
  });

  it.each([
    [{ PLAYBOOK_REVIEW_MONTHS: '0' }, 'PLAYBOOK_REVIEW_MONTHS (setting reviewPeriodMonths): found "0"; expected a whole number of months, 1 or more (e.g. 12)'],
    [{ PLAYBOOK_REVIEW_MONTHS: '1.5' }, 'PLAYBOOK_REVIEW_MONTHS (setting reviewPeriodMonths): found "1.5"'],
    [{ PLAYBOOK_REVIEW_MONTHS: 'a year' }, 'found "a year"'],
    [{ PLAYBOOK_SITE: 'playbook.example.org' }, 'PLAYBOOK_SITE (setting site): found "playbook.example.org"; expected the public address of the site'],
    [{ PLAYBOOK_SITE: 'https://example.org/peer-support/' }, 'expected the public address of the site, http(s) with a host and no path'],
    [{ PLAYBOOK_SITE: 'ftp://example.org' }, 'PLAYBOOK_SITE (setting site): found "ftp://example.org"'],
    [{ PLAYBOOK_BASE: 'peer-support/' }, 'PLAYBOOK_BASE (setting base): found "peer-support/"; expected the path the site is served under, starting with "/"'],
    [{ PLAYBOOK_REPOSITORY: 'github.com/example/playbook' }, 'PLAYBOOK_REPOSITORY (setting repository): found "github.com/example/playbook"'],
    [{ PLAYBOOK_PORT: '70000' }, 'PLAYBOOK_PORT (setting port): found "70000"; expected a port number from 1 to 65535'],
  ])('refuse a bad variable %o, naming it and what it expected', (env, message) => {
    expect(() => parseSettings(config, env)).toThrow(SettingsError);
    expect(() => parseSettings(config, env)).toThrow(message);
  });

  it('refuse a bad value in the file, naming the file, the setting and its variable', () => {
    expect(() => parseSettings({ reviewPeriodMonths: -1 }, {})).toThrow('playbook.config.ts: reviewPeriodMonths (or PLAYBOOK_REVIEW_MONTHS): found -1; expected a whole number of months');
    expect(() => parseSettings({ site: 'https://example.org', sitee: 'x' }, {})).toThrow('playbook.config.ts: found the setting sitee; expected only site, base,');
  });

  it('name every bad setting at once', () => {
    const error = (() => {
      try {
        parseSettings(config, { PLAYBOOK_PORT: 'x', PLAYBOOK_BASE: 'y' });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message.split('\n')).toHaveLength(2);
  });

  it('stop the build before anything is written, with the message', () => {
    const build = spawnBuildSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, PLAYBOOK_SITE: 'not an address', PLAYBOOK_OUT_DIR: 'test-results/settings-never-written', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain('PLAYBOOK_SITE (setting site): found "not an address"');
  });
});
