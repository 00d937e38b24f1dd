import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library.ts';
import { versionsManifest } from '../lib/manifest.ts';
import { withAbsoluteUrls } from '../lib/outside.ts';

/** Every release and its pages, for tools; addresses absolute when the site's address is set. */
export const GET: APIRoute = async ({ site }) => {
  const library = await getLibrary();
  return new Response(`${JSON.stringify(withAbsoluteUrls(versionsManifest(library), site), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
