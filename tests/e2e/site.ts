import { resolve } from 'node:path';
import { loadContent } from '../../src/lib/content.ts';
import { libraryFromContent, type Library } from '../../src/lib/model.ts';

/** The built site the tests run against (the same folder `astro preview` serves). */
export const DIST = resolve(process.env.PLAYBOOK_OUT_DIR ?? 'dist');

let library: Promise<Library> | undefined;

/** The model of the releases in the repository, read from the files: what the built site must honour. */
export function repositoryLibrary(): Promise<Library> {
  library ??= loadContent({ root: process.cwd(), content: process.env.PLAYBOOK_CONTENT }).then((content) => {
    if (content.problems.length) throw new Error(`content has problems: ${content.problems.length}`);
    return libraryFromContent(content);
  });
  return library;
}
