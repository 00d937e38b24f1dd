import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, releasePaths } from '../../../data/library.ts';
import { citationFile } from '../../../lib/citation-files.ts';

export const getStaticPaths = releasePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { body, type } = citationFile(await getLibrary(), params.version!, undefined, 'ris', site);
  return new Response(body, { headers: { 'Content-Type': type } });
};
