import type { APIRoute, GetStaticPaths } from 'astro';
import { routeStaticPaths, type RouteProps } from '../../../../data/routes.ts';
import { citationFile } from '../../../../lib/citation-files.ts';

// Beside every page of a release: its citation for reference managers.
export const getStaticPaths = routeStaticPaths('page', 'v') satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { library, release, param } = props as RouteProps;
  const { body, type } = citationFile(library, release.release, param, 'bib', site);
  return new Response(body, { headers: { 'Content-Type': type } });
};
