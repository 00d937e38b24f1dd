import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIsAlive } from '../../src/lib/release.ts';

/**
 * Builds of the same project write into its `.astro/` folder (Astro puts the content modules a build imports
 * there) and share its default cache: two at once can read each other's. Vitest runs two test files at a time,
 * so every unit test that starts a build takes this lock first: a folder in the system's temporary folder,
 * holding the owner's process id, so a lock left by a killed run is taken over.
 */
const LOCK = join(tmpdir(), 'playbook-unit-build.lock');
const pause = new Int32Array(new SharedArrayBuffer(4));

function acquire(): void {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      // The owner has made the folder but not yet written its id: wait for it.
    }
    if (Number.isInteger(owner) && owner !== process.pid && !processIsAlive(owner)) rmSync(LOCK, { recursive: true, force: true });
    else Atomics.wait(pause, 0, 0, 100);
  }
}

/** `spawnSync` for a command that runs an Astro build, one such build at a time across the test files. */
export function spawnBuildSync(command: string, args: readonly string[], options: SpawnSyncOptionsWithStringEncoding): SpawnSyncReturns<string> {
  acquire();
  try {
    return spawnSync(command, args, options);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
