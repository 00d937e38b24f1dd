/**
 * "Cite this release": a plain reference in APA style (author, year, title, release, date, pinned
 * address, access date), and BibTeX and RIS records for reference managers. The pinned address
 * (/v/<version>/...) never changes, so a citation stays true. The access date is the reader's own
 * day, so the build leaves it out of the static files and the page fills it in the browser.
 */

export const CITATION_AUTHOR = 'Peer Support Playbook';

export interface CitationSubject {
  /** The page title, or absent for a whole release. */
  pageTitle?: string;
  pageId?: string;
  release: string;
  releaseTitle: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** The pinned address, absolute when the site's address is configured, else a path. */
  url: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October 6, 2025": APA's order, for a US program. */
export function usDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

function titleOf(subject: CitationSubject): string {
  return subject.pageTitle ? `${subject.pageTitle}. In Peer Support Playbook, release ${subject.release}` : `Peer Support Playbook, release ${subject.release}: ${subject.releaseTitle}`;
}

/**
 * The reference up to the access date; the page adds "Retrieved <date>, from <url>" with the reader's day.
 * APA 7 for a web page in a versioned work: Author. (Date). Title (Release). Retrieved date, from URL.
 */
export function referenceText(subject: CitationSubject): { before: string; url: string } {
  const [year] = subject.date.split('-');
  return { before: `${CITATION_AUTHOR}. (${year}, ${usDate(subject.date).replace(/, \d+$/, '')}). ${titleOf(subject)}.`, url: subject.url };
}

/** The key reference managers file it under: stable, like the address. */
export function citationKey(subject: CitationSubject): string {
  return `playbook-${subject.release.replace(/\./g, '-')}${subject.pageId ? `-${subject.pageId}` : ''}`;
}

function bibEscape(text: string): string {
  return text.replace(/([{}&%$#_])/g, '\\$1');
}

export function bibtex(subject: CitationSubject): string {
  const [year, month] = subject.date.split('-');
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const fields = [
    ['author', `{${CITATION_AUTHOR}}`],
    ['title', `{${bibEscape(subject.pageTitle ?? `Release ${subject.release}: ${subject.releaseTitle}`)}}`],
    ...(subject.pageTitle ? [['booktitle', `{Peer Support Playbook, release ${subject.release}}`]] : []),
    ['edition', `{Release ${subject.release}}`],
    ['year', `{${year}}`],
    ['month', months[Number(month) - 1]],
    ['date', `{${subject.date}}`],
    ['url', `{${subject.url}}`],
    ['note', `{Release ${subject.release}, published ${subject.date}. Add the date you accessed it.}`],
  ];
  return `@misc{${citationKey(subject)},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

/** RIS (reference managers such as Zotero, EndNote): ELEC, a web page; Y2, the access date, is left to the reader. */
export function ris(subject: CitationSubject): string {
  const [year] = subject.date.split('-');
  const lines = [
    ['TY', 'ELEC'],
    ['AU', CITATION_AUTHOR],
    ['TI', subject.pageTitle ?? `Release ${subject.release}: ${subject.releaseTitle}`],
    ...(subject.pageTitle ? [['T2', `Peer Support Playbook, release ${subject.release}`]] : []),
    ['ET', `Release ${subject.release}`],
    ['PY', year],
    ['DA', subject.date.replace(/-/g, '/')],
    ['UR', subject.url],
    ['ID', citationKey(subject)],
    ['ER', ''],
  ];
  return `${lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n')}\r\n`;
}

/** What is cited: a page of a frozen release, or the release itself; always at its pinned address. */
export function citationSubject(
  release: { release: string; title: string; date?: string; url: string },
  page: { id: string; title: string; url: string } | undefined,
  site: URL | undefined,
): CitationSubject {
  const path = page ? page.url : release.url;
  return {
    pageTitle: page?.title,
    pageId: page?.id,
    release: release.release,
    releaseTitle: release.title,
    date: release.date ?? '',
    url: site ? new URL(path, site).href : path,
  };
}

/** The static citation files of a page or release: beside its pinned address. */
export function citationFileUrl(pinnedUrl: string, format: 'bib' | 'ris'): string {
  return `${pinnedUrl}cite.${format}`;
}
