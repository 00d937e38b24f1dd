import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary } from '../../../data/library.ts';
import { distinctBodies } from '../../../lib/compare-data.ts';

/** The text blocks of each distinct page body, once, however many releases share it. */
export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return [...distinctBodies(library)].map(([hash, blocks]) => ({ params: { hash }, props: { blocks } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.blocks), { headers: { 'Content-Type': 'application/json' } });
