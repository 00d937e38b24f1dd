import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS, astroBuildArgs, buildEnv } from '../../scripts/lib/astro-build.ts';

describe('how astro build is started', () => {
  it('puts the Node flags before the script, and the caller’s arguments after the project', () => {
    const args = astroBuildArgs('/project', ['--force']);
    expect(args.slice(0, BUILD_NODE_FLAGS.length)).toEqual([...BUILD_NODE_FLAGS]);
    expect(args.slice(BUILD_NODE_FLAGS.length)).toEqual(['/project/node_modules/astro/bin/astro.mjs', 'build', '--root', '/project', '--force']);
  });

  it('uses flags this Node accepts, silently', () => {
    // A flag a later Node no longer knows would stop every build (or warn in each): this Node is the project's own.
    const run = spawnSync(process.execPath, [...BUILD_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('gives the build mimalloc without huge pages, unless the caller chose', () => {
    const saved = process.env.MIMALLOC_ALLOW_THP;
    try {
      delete process.env.MIMALLOC_ALLOW_THP;
      expect(buildEnv({ PLAYBOOK_OUT_DIR: 'x' })).toMatchObject({ MIMALLOC_ALLOW_THP: '0', PLAYBOOK_OUT_DIR: 'x' });
      process.env.MIMALLOC_ALLOW_THP = '1';
      expect(buildEnv({}).MIMALLOC_ALLOW_THP).toBe('1');
    } finally {
      if (saved === undefined) delete process.env.MIMALLOC_ALLOW_THP;
      else process.env.MIMALLOC_ALLOW_THP = saved;
    }
  });
});
