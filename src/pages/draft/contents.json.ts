import type { APIRoute } from 'astro';
import { getLibrary } from '../../data/library.ts';
import { releaseContents } from '../../lib/contents.ts';

export const GET: APIRoute = async () => {
  const library = await getLibrary();
  return new Response(JSON.stringify(library.draft ? releaseContents(library.draft) : { parts: [] }), { headers: { 'Content-Type': 'application/json' } });
};
