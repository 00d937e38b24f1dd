import type { APIRoute, GetStaticPaths } from 'astro';
import { everyReleasePaths, getLibrary } from '../../data/library.ts';
import { releaseData } from '../../lib/compare-data.ts';

/** One small file per release (and the draft) for the compare island: its pages, without their text. */
export const getStaticPaths = everyReleasePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const library = await getLibrary();
  const release = library.release(params.release as string)!;
  return new Response(JSON.stringify(releaseData(library, release)), { headers: { 'Content-Type': 'application/json' } });
};
