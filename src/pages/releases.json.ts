import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library.ts';
import { releasesData } from '../lib/release-data.ts';

export const GET: APIRoute = async () => {
  const library = await getLibrary();
  return new Response(JSON.stringify(releasesData(library)), { headers: { 'Content-Type': 'application/json' } });
};
