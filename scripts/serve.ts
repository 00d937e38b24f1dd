/**
 * Serves the built site (dist/) as a production static host should, for `npm run preview` and the
 * browser tests: an address without its trailing slash is redirected to it (`/v/2.0` -> `/v/2.0/`,
 * query kept), and an unknown address gets the site's own 404 page with status 404, so its
 * suggestions appear. `astro preview` does neither. docs/deploying.md says what other hosts need.
 * A site built under a base path (PLAYBOOK_BASE=/peer-support/) is served under it, as its host
 * would: `/peer-support/v/2.0/` is `dist/v/2.0/index.html`, and nothing answers outside the base
 * but the 404 page.
 *
 *   node scripts/serve.ts [--port 4321] [--host 127.0.0.1] [--dir dist] [--base /]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { settings } from '../src/settings.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(settings.port) },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: settings.outDir },
    base: { type: 'string', default: settings.base },
  },
});
const root = resolve(values.dir);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** What answers a path: a file, a redirect to the folder's address, or the 404 page. */
function route(dir: string, pathname: string): { file: string; status: 200 | 404 } | { redirect: string } {
  let clean: string;
  try {
    clean = decodeURIComponent(pathname);
  } catch {
    return { file: join(dir, '404.html'), status: 404 };
  }
  const path = normalize(join(dir, clean));
  if (path !== dir && !path.startsWith(dir + sep)) return { file: join(dir, '404.html'), status: 404 };
  if (clean.endsWith('/') && isFile(join(path, 'index.html'))) return { file: join(path, 'index.html'), status: 200 };
  if (!clean.endsWith('/') && isFile(path)) return { file: path, status: 200 };
  if (!clean.endsWith('/') && isFile(join(path, 'index.html'))) return { redirect: `${pathname}/` };
  return { file: join(dir, '404.html'), status: 404 };
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://site.invalid');
  // The base itself without its slash goes to it, like any folder; outside the base is not the site.
  const inside = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : url.pathname === base.slice(0, -1) ? '' : undefined;
  const answer = inside === undefined ? { file: join(root, '404.html'), status: 404 as const } : route(root, inside);
  if ('redirect' in answer) {
    response.writeHead(301, { location: `${base}${answer.redirect.replace(/^\//, '')}${url.search}` }).end();
    return;
  }
  response.writeHead(answer.status, { 'content-type': TYPES[extname(answer.file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  if (request.method === 'HEAD') response.end();
  else createReadStream(answer.file).pipe(response);
});

if (!isFile(join(root, '404.html'))) {
  console.error(`No built site in ${root}: run npm run build first.`);
  process.exit(1);
}
server.listen(Number(values.port), values.host, () => console.log(`Serving ${root} at http://${values.host}:${values.port}${base}`));
