import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library.ts';
import { versionsManifest } from '../lib/manifest.ts';

export const GET: APIRoute = async () => {
  const library = await getLibrary();
  return new Response(`${JSON.stringify(versionsManifest(library), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
