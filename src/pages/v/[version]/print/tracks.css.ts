import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, releasePaths } from '../../../../data/library.ts';
import { printTracksCss } from '../../../../lib/print.ts';
import { trackViews } from '../../../../lib/tracks.ts';

// The stylesheet that prints each onboarding track of a release from its print view (src/lib/print.ts).
export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return (await releasePaths()).filter(({ params }) => library.release(params.version)!.tracks.length > 0);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const release = (await getLibrary()).release(params.version!)!;
  const tracks = trackViews(release).map((view) => ({ id: view.track.id, pageIds: [...new Set(view.steps.map((step) => step.page.id))] }));
  return new Response(printTracksCss(tracks), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
