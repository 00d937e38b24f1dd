import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
const dist = join(import.meta.dirname, 'dist');
const server = createServer(async (req, res) => { let f = join(dist, decodeURIComponent(new URL(req.url!, 'http://x').pathname)); try { if ((await stat(f)).isDirectory()) f = join(f, 'index.html'); const b = await readFile(f); res.writeHead(200, { 'Content-Type': extname(f) === '.js' ? 'text/javascript' : extname(f) === '.html' ? 'text/html' : 'application/octet-stream' }); res.end(b); } catch { res.writeHead(404); res.end(); } });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as any).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(origin + '/');
const queries = process.argv.slice(2);
const out = await page.evaluate(async (queries) => {
  const pf: any = await import('/pagefind/pagefind.js');
  const inst = pf.createInstance({ basePath: '/pagefind/2.0/', noWorker: true });
  const lines: string[] = [];
  for (const q of queries) {
    const r = await inst.search(q);
    const top = await Promise.all(r.results.slice(0, 4).map(async (x: any) => { const d = await x.data(); return `${d.url} ${x.score.toFixed(2)}`; }));
    lines.push(`${JSON.stringify(q)} (${r.results.length}): ${top.join(' | ')}`);
  }
  return lines;
}, queries);
console.log(out.join('\n'));
await browser.close(); server.close();
