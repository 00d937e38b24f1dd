import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary } from '../../data/library.ts';
import { pageReleaseIds, pageReleasesData } from '../../lib/release-data.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return pageReleaseIds(library).map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const library = await getLibrary();
  return new Response(JSON.stringify(pageReleasesData(library, params.id!)), { headers: { 'Content-Type': 'application/json' } });
};
