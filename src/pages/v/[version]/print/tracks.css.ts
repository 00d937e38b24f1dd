import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, releasePaths } from '../../../../data/library.ts';
import { printedTracks, printTracksCss } from '../../../../lib/print.ts';

// The stylesheet that prints each onboarding track of a release from its print view (src/lib/print.ts).
export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return (await releasePaths()).filter(({ params }) => library.release(params.version)!.tracks.length > 0);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const release = (await getLibrary()).release(params.version!)!;
  return new Response(printTracksCss(printedTracks(release)), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
