import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Builds the site beside the published folder and swaps it in only when the build succeeded, so
 * a build that fails half-way (a crash while rendering, a full disk) leaves the last good site
 * whole instead of a folder of 14 pages out of 197.
 * `build` writes the site into the folder it is given and resolves to its exit code.
 */
export async function buildStaged(outDir: string, build: (stagingDir: string) => Promise<number>, log: (line: string) => void = () => {}): Promise<number> {
  const staging = `${outDir}.staging`;
  const previous = `${outDir}.previous`;
  rmSync(staging, { recursive: true, force: true });
  let code: number;
  try {
    code = await build(staging);
  } catch (error) {
    log(String(error));
    code = 1;
  }
  if (code !== 0 || !existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    log(`The build failed, so ${outDir} was left as it was${existsSync(outDir) ? ' (the last good site)' : ''}.`);
    return code || 1;
  }
  // Two renames on one file system: the published folder is never half-written.
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  return 0;
}
