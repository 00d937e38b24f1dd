import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, hostingPolicy, nginxConfig } from '../lib/hosting.ts';

/** The <meta> Content Security Policy of a built page (in its head, so the first bytes suffice). */
export function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
}

/**
 * Writes the hosting files beside the pages once Astro has written them: `_headers` (Netlify,
 * Cloudflare Pages) and `nginx.conf` (a server block), both from the union of the pages' own
 * <meta> policies (src/lib/hosting.ts).
 */
export default function hosting(): AstroIntegration {
  let base = '/';
  return {
    name: 'playbook-hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies = new Set<string>();
        for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const policy = metaPolicy(readFileSync(join(entry.parentPath, entry.name), 'utf8').slice(0, 16_384));
          if (policy) policies.add(policy);
        }
        const policy = hostingPolicy(policies, base);
        writeFileSync(join(outDir, '_headers'), headersFile(policy));
        writeFileSync(join(outDir, 'nginx.conf'), nginxConfig(policy, { listen: '8080', root: '/srv/playbook/dist' }));
        logger.info(`_headers and nginx.conf from ${policies.size} distinct page polic${policies.size === 1 ? 'y' : 'ies'}`);
      },
    },
  };
}
