import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, releasePaths } from '../../../data/library.ts';
import { releaseContents } from '../../../lib/contents.ts';

export const getStaticPaths = releasePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const library = await getLibrary();
  return new Response(JSON.stringify(releaseContents(library.release(params.version!)!)), { headers: { 'Content-Type': 'application/json' } });
};
