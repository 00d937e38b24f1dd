import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, renderedReleases } from '../../../../data/library.ts';
import { citationFile } from '../../../../lib/citation-files.ts';

export const getStaticPaths = (async () => {
  return (await renderedReleases()).flatMap((release) => release.pages.map((page) => ({ params: { version: release.release, page: page.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { body, type } = citationFile(await getLibrary(), params.version!, params.page, 'ris', site);
  return new Response(body, { headers: { 'Content-Type': type } });
};
