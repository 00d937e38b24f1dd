import type { AstroIntegration } from 'astro';

/** A figure or download's permanent address: /v/<version>/, /draft/ or /latest/, then figures/ or files/, then the name. */
const ASSET_ADDRESS = /^\/(?:v\/[^/]+|draft|latest)\/(?:figures|files)\/[^/?#]+\.\w+(?=$|[?#])/;

/**
 * Under `npm run dev`, serves figures and downloads at the addresses the built site has. Their
 * routes are endpoints with a dynamic name, which the dev server (trailingSlash: 'always') only
 * matches with a slash after the file name; the build writes them as plain files either way.
 */
export default function devAssets(): AstroIntegration {
  return {
    name: 'playbook-dev-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, _response, next) => {
          const match = request.url ? ASSET_ADDRESS.exec(request.url) : null;
          if (match && request.url) request.url = `${match[0]}/${request.url.slice(match[0].length)}`;
          next();
        });
      },
    },
  };
}
