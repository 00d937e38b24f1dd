/**
 * What a web server must send with the built site, from one policy: the Content Security Policy of
 * the pages' <meta> tags (so the header can never allow less or more than the page itself), plus what
 * only a header can say (frame-ancestors, nosniff, referrer, permissions) and how long each kind of
 * file may be cached. Written as a `_headers` file (Netlify, Cloudflare Pages) and an nginx server
 * block by src/integrations/hosting.ts; docs/deploying.md explains both.
 */

/** One header rule: the paths it covers (a URL path prefix or pattern, the base path included) and its headers. */
export interface CacheRule {
  /** For `_headers`: a path with `*` and `:placeholder`, e.g. `/_astro/*`. */
  pattern: string;
  /** For nginx: a regular expression over `$uri`. */
  regex: string;
  cacheControl: string;
  /** Why, in a few words, written beside the rule. */
  why: string;
}

export interface HostingPolicy {
  /** The Content Security Policy header: every page's <meta> policy, merged, with frame-ancestors. */
  csp: string;
  /** Headers every answer carries. */
  headers: Array<[name: string, value: string]>;
  /** Cache-Control by kind of file, first match wins (nginx); disjoint patterns (`_headers`). */
  cache: CacheRule[];
  /** Cache-Control of everything else (pages of frozen releases among them). */
  defaultCache: string;
  base: string;
}

const YEAR = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300, must-revalidate';
/**
 * A frozen release's pages are cached for an hour, not a year: a safety notice can be attached to
 * a frozen release, and it must reach a reader who opens the page again the same day.
 */
const FROZEN_PAGE = 'public, max-age=3600';

/** The directives of a policy, by name, each with its sources in order (as written in a <meta> content). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The union of several pages' policies: a header that allows what any page allows, so that each
 * page's own (stricter or equal) <meta> policy still decides. Directives keep their first order.
 */
export function mergeCsp(policies: Iterable<string>): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of parseCsp(policy)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  return merged;
}

export function formatCsp(directives: Map<string, string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy for a site whose pages carry the given <meta> policies, served under `base`. */
export function hostingPolicy(metaPolicies: Iterable<string>, base = '/'): HostingPolicy {
  const directives = mergeCsp(metaPolicies);
  if (!directives.size) throw new Error('found no Content Security Policy in the built pages; expected one <meta http-equiv="content-security-policy"> per page');
  // Only a header can forbid framing (clickjacking); a <meta> policy ignores frame-ancestors.
  directives.set('frame-ancestors', ["'none'"]);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    base,
    csp: formatCsp(directives),
    headers: [
      ['X-Content-Type-Options', 'nosniff'],
      // Readers of pages on litigation or distress: the address they read never leaves with a link they follow.
      ['Referrer-Policy', 'no-referrer'],
      ['Permissions-Policy', 'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'],
      ['X-Frame-Options', 'DENY'],
      ['Cross-Origin-Opener-Policy', 'same-origin'],
    ],
    cache: [
      { pattern: `${base}_astro/*`, regex: `^${escaped}_astro/`, cacheControl: YEAR, why: 'scripts and styles, named by their content hash' },
      { pattern: `${base}v/:release/files/*`, regex: `^${escaped}v/[^/]+/files/`, cacheControl: YEAR, why: "a frozen release's downloads" },
      { pattern: `${base}v/:release/figures/*`, regex: `^${escaped}v/[^/]+/figures/`, cacheControl: YEAR, why: "a frozen release's figures" },
      { pattern: `${base}v/:release/copies/*`, regex: `^${escaped}v/[^/]+/copies/`, cacheControl: YEAR, why: "a frozen release's PDF and offline copy" },
      { pattern: `${base}latest/*`, regex: `^${escaped}latest/`, cacheControl: SHORT, why: 'follows every new release' },
      { pattern: `${base}draft/*`, regex: `^${escaped}draft/`, cacheControl: 'no-cache', why: 'changes with every build' },
      { pattern: `${base}changelog/feed.xml`, regex: `^${escaped}changelog/feed\\.xml$`, cacheControl: SHORT, why: 'the feed of releases' },
      { pattern: `${base}versions.json`, regex: `^${escaped}versions\\.json$`, cacheControl: SHORT, why: 'the list of releases' },
      { pattern: `${base}v/:release/*`, regex: `^${escaped}v/`, cacheControl: FROZEN_PAGE, why: "a frozen release's pages: a notice may be attached" },
    ],
    defaultCache: SHORT,
  };
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages). Both join the values of one header from several
 * matching rules, so Cache-Control is only given where rules cannot overlap: the pages of frozen
 * releases keep the host's default (revalidated), which is never staler than the hour nginx gives.
 */
export function headersFile(policy: HostingPolicy): string {
  const lines = [
    '# Headers for Netlify and Cloudflare Pages, generated by `npm run build` from the pages\' Content',
    '# Security Policy (src/lib/hosting.ts). Do not edit: docs/deploying.md says how to change them.',
    `${policy.base}*`,
    `  Content-Security-Policy: ${policy.csp}`,
    ...policy.headers.map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const rule of policy.cache.filter((rule) => rule.cacheControl !== FROZEN_PAGE)) {
    lines.push(`# ${rule.why}`, rule.pattern, `  Cache-Control: ${rule.cacheControl}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where the server listens and where the built site is, for the nginx block. */
export interface NginxPlace {
  listen: string;
  /** The folder that holds the site at `base`: with base `/peer-support/`, dist/ is copied to <root>/peer-support/. */
  root: string;
}

/**
 * An nginx server block (with the map it needs, so it is included in the `http` block). Headers are
 * set once at server level, with `always` so that redirects and the 404 page carry them too; no
 * location sets its own (which would silently drop them all).
 */
export function nginxConfig(policy: HostingPolicy, place: NginxPlace): string {
  const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
  const base = policy.base;
  return `# nginx: the built site as the playbook expects it, generated by \`npm run build\` from the pages'
# Content Security Policy (src/lib/hosting.ts). Include this file in the http block of nginx.conf,
# with \`root\` set to the folder that holds the site${base === '/' ? ' (a copy of dist/)' : ` (dist/ copied to <root>${base})`}.
# docs/deploying.md explains each line.

# How long each kind of file may be cached; the first match wins.
map $uri $playbook_cache_control {
    default ${quote(policy.defaultCache)};
${policy.cache.map((rule) => `    ~${rule.regex} ${quote(rule.cacheControl)}; # ${rule.why}`).join('\n')}
}

server {
    listen ${place.listen};
    root ${place.root};

    # Redirect ${base}v/2.0 to ${base}v/2.0/ with a relative Location, so the reader's host and port are kept.
    absolute_redirect off;

    add_header Content-Security-Policy ${quote(policy.csp)} always;
${policy.headers.map(([name, value]) => `    add_header ${name} ${quote(value)} always;`).join('\n')}
    add_header Cache-Control $playbook_cache_control always;

    location ${base} {
        # A file, else a folder's index.html (nginx redirects a folder asked without its trailing
        # slash, query kept), else the site's own 404 page.
        try_files $uri $uri/ =404;
    }
    # The hosting files themselves are not part of the site.
    location = ${base}_headers { return 404; }
    location = ${base}nginx.conf { return 404; }

    # A folder without index.html (403 otherwise) is not a page either.
    error_page 404 ${base}404.html;
    error_page 403 =404 ${base}404.html;

    # Content types come from the mime.types that nginx.conf includes (application/wasm for
    # Pagefind is there since nginx 1.21); other Pagefind files are served as octet-stream.
}
`;
}
