import { describe, expect, it } from 'vitest';
import { compareVersions, isVersion, sortVersions } from '../../src/lib/version.ts';

describe('release numbers', () => {
  it('accepts MAJOR.MINOR and MAJOR.MINOR.PATCH only', () => {
    for (const good of ['1.0', '2.1', '10.0', '1.2.3']) expect(isVersion(good)).toBe(true);
    for (const bad of ['1', 'v1.0', '1.0.0.0', '01.0', '1.a', '', '1.0-beta', '../1.0']) expect(isVersion(bad)).toBe(false);
  });

  it('compares numerically, so 1.10 is newer than 1.9', () => {
    expect(sortVersions(['1.10', '2.0', '1.9', '1.0'])).toEqual(['1.0', '1.9', '1.10', '2.0']);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('2.0', '1.1')).toBeGreaterThan(0);
  });

  it('refuses to compare what is not a release number', () => {
    expect(() => compareVersions('next', '1.0')).toThrow(/not a release number/);
  });
});
