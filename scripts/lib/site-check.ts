import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

/** What one built HTML file links to and which fragment targets it offers. */
export interface HtmlFacts {
  /** The URL path the file answers at, e.g. `/v/1.0/tiers/`. */
  url: string;
  ids: Set<string>;
  /** Links a reader follows: `a[href]`, `area[href]`, `form[action]`. */
  links: string[];
  /** Resources the browser fetches by itself: scripts, stylesheets, images, icons, media, iframes. */
  resources: Array<{ tag: string; url: string }>;
  /** Bytes of inline `<style>` and inline `<script>` bodies (JSON data blocks excluded). */
  inlineStyleBytes: number;
  inlineScriptBytes: number;
}

const RESOURCE_ATTRIBUTES: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  link: ['href'],
};

/** Parses HTML with htmlparser2, a well-kept parser, and keeps only what the checks need. */
export function htmlFacts(url: string, html: string): HtmlFacts {
  const facts: HtmlFacts = { url, ids: new Set(), links: [], resources: [], inlineStyleBytes: 0, inlineScriptBytes: 0 };
  let inside: 'style' | 'script' | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id !== undefined) facts.ids.add(attributes.id);
        if (name === 'a' && attributes.name !== undefined) facts.ids.add(attributes.name);
        if ((name === 'a' || name === 'area') && attributes.href !== undefined) facts.links.push(attributes.href);
        if (name === 'form' && attributes.action) facts.links.push(attributes.action);
        if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          // Hints such as canonical or alternate are not fetched; a feed link is followed, so check it like a link.
          if (rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'apple-touch-icon'].includes(r))) {
            facts.resources.push({ tag: 'link', url: attributes.href ?? '' });
          } else if (attributes.href) {
            facts.links.push(attributes.href);
          }
          return;
        }
        for (const attribute of RESOURCE_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (!value) continue;
          const urls = attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]) : [value];
          for (const resource of urls) facts.resources.push({ tag: name, url: resource });
        }
        if (name === 'style') inside = 'style';
        if (name === 'script' && !attributes.src && !(attributes.type ?? '').includes('json')) inside = 'script';
      },
      ontext(text) {
        if (inside === 'style') facts.inlineStyleBytes += Buffer.byteLength(text);
        if (inside === 'script') facts.inlineScriptBytes += Buffer.byteLength(text);
      },
      onclosetag(name) {
        if (name === 'style' || name === 'script') inside = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return facts;
}

/** Every HTML file under dist, as paths relative to it with `/` separators. */
export async function htmlFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The URL path a built file answers at: `v/1.0/tiers/index.html` -> `/v/1.0/tiers/`. */
export function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The built file that answers a URL path, if any. */
export function fileOfUrl(dist: string, path: string): string | undefined {
  const clean = decodeURIComponent(path);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  return candidates.map((candidate) => join(dist, candidate)).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export interface BrokenLink {
  /** The page that has the link. */
  page: string;
  href: string;
  reason: string;
}

export interface SiteReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
  /** Resources fetched from another origin: each one is a request that leaves the site. */
  external: Array<{ page: string; url: string; tag: string }>;
}

const ORIGIN = 'http://site.invalid';

/**
 * Checks every internal link and anchor in a built site against the built files, and lists every
 * resource that would be fetched from another origin.
 */
export async function checkSite(dist: string): Promise<SiteReport> {
  const files = await htmlFiles(dist);
  const facts = new Map<string, HtmlFacts>();
  for (const file of files) facts.set(join(dist, file), htmlFacts(urlOfFile(file), readFileSync(join(dist, file), 'utf8')));
  const report: SiteReport = { pages: files.length, links: 0, broken: [], external: [] };
  for (const page of facts.values()) {
    for (const resource of page.resources) {
      const target = new URL(resource.url, `${ORIGIN}${page.url}`);
      if (target.origin !== ORIGIN) report.external.push({ page: page.url, url: resource.url, tag: resource.tag });
      else if (!fileOfUrl(dist, target.pathname)) report.broken.push({ page: page.url, href: resource.url, reason: 'no such file' });
    }
    for (const href of page.links) {
      report.links++;
      if (/^(mailto|tel):/i.test(href)) continue;
      const target = new URL(href, `${ORIGIN}${page.url}`);
      if (target.origin !== ORIGIN) continue;
      const file = fileOfUrl(dist, target.pathname);
      if (!file) {
        report.broken.push({ page: page.url, href, reason: 'no such page' });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      // With a query (the compare picker's ?from=&to=), the page's script renders what the fragment names.
      if (!fragment || !file.endsWith('.html') || target.search) continue;
      const ids = (facts.get(file) ?? htmlFacts(target.pathname, readFileSync(file, 'utf8'))).ids;
      if (!ids.has(fragment)) report.broken.push({ page: page.url, href, reason: `no element with id "${fragment}"` });
    }
  }
  return report;
}

export interface PageWeight {
  /** Bytes of JavaScript the page loads before any interaction: its module scripts and their static imports. */
  scriptBytes: number;
  /** Bytes of CSS: linked stylesheets and inline styles. */
  styleBytes: number;
  scripts: string[];
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;

/** What reading one built page costs in JavaScript and CSS, from the files (uncompressed), not from timing. */
export function pageWeight(dist: string, file: string): PageWeight {
  const html = readFileSync(join(dist, file), 'utf8');
  const facts = htmlFacts(urlOfFile(file), html);
  const seen = new Set<string>();
  let scriptBytes = facts.inlineScriptBytes;
  let styleBytes = facts.inlineStyleBytes;
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const path = fileOfUrl(dist, url);
    if (!path) return;
    const source = readFileSync(path, 'utf8');
    scriptBytes += Buffer.byteLength(source);
    for (const match of source.matchAll(STATIC_IMPORT)) visit(posix.resolve(posix.dirname(url), match[1]));
  };
  for (const resource of facts.resources) {
    const target = new URL(resource.url, `${ORIGIN}${facts.url}`);
    if (target.origin !== ORIGIN) continue;
    if (resource.tag === 'script') visit(target.pathname);
    if (resource.tag === 'link' && target.pathname.endsWith('.css')) {
      const path = fileOfUrl(dist, target.pathname);
      if (path) styleBytes += Buffer.byteLength(readFileSync(path));
    }
  }
  // Inline module scripts can import chunks too.
  for (const match of html.matchAll(STATIC_IMPORT)) if (match[1].startsWith('/')) visit(match[1]);
  return { scriptBytes, styleBytes, scripts: [...seen] };
}

/**
 * What is out of place in a document's outline: a tag, text or comment after `</body>` or `</html>`,
 * and a document without exactly one html, head and body. Browsers repair these silently and
 * html-validate lets them pass, but the W3C checker reports them ("Stray start tag script").
 */
export function documentStructureProblems(html: string): string[] {
  const problems: string[] = [];
  const opened: Record<string, number> = { html: 0, head: 0, body: 0 };
  let closed: 'body' | 'html' | undefined;
  // Elements opened after the end: their own text and end tags are part of the one problem.
  let depth = 0;
  const stray = (what: string) => problems.push(`${what} after </${closed}>`);
  const parser = new Parser({
    onopentag(name) {
      if (name in opened) opened[name]++;
      if (!closed) return;
      if (depth === 0) stray(`<${name}>`);
      depth++;
    },
    onclosetag(name, isImplied) {
      if (closed && depth > 0) depth--;
      else if (!isImplied && (name === 'body' || name === 'html')) closed = name === 'html' ? 'html' : (closed ?? 'body');
    },
    ontext(text) {
      if (closed && depth === 0 && text.trim()) stray(`text "${text.trim().slice(0, 40)}"`);
    },
    oncomment() {
      if (closed && depth === 0) stray('a comment');
    },
  });
  parser.end(html);
  for (const [name, count] of Object.entries(opened)) if (count !== 1) problems.push(`${count} <${name}> elements, expected 1`);
  return problems;
}
