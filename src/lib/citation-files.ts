import { bibtex, citationSubject, ris } from './citation.ts';
import type { Library } from './model.ts';

/** The body and type of a static citation file, for the endpoints beside each pinned address. */
export function citationFile(library: Library, version: string, pageId: string | undefined, format: 'bib' | 'ris', site: URL | undefined): { body: string; type: string } {
  const release = library.release(version);
  const page = pageId ? release?.page(pageId) : undefined;
  if (!release || (pageId && !page)) throw new Error(`No citation for ${version}/${pageId ?? ''}: expected a page of a frozen release`);
  const subject = citationSubject(release, page && { id: page.id, title: page.title, url: page.url }, site);
  return format === 'bib'
    ? { body: bibtex(subject), type: 'application/x-bibtex; charset=utf-8' }
    : { body: ris(subject), type: 'application/x-research-info-systems; charset=utf-8' };
}
