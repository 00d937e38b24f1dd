import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/lib/content.ts';
import { libraryFromContent, type Library } from '../../src/lib/model.ts';

export const GOOD_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'good');

/** A private copy of the good fixture project, safe to break. */
export function copyFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'playbook-'));
  cpSync(GOOD_FIXTURE, root, { recursive: true });
  return root;
}

export function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

export async function libraryOf(root: string): Promise<Library> {
  const content = await loadContent({ root });
  if (content.problems.length) throw new Error(content.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n'));
  return libraryFromContent(content);
}
