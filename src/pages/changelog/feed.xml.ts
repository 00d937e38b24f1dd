import type { APIRoute } from 'astro';
import { getLibrary } from '../../data/library.ts';
import { releasesFeed } from '../../lib/feed.ts';
import { settings } from '../../settings.ts';

/** The Atom feed of releases and notices (src/lib/feed.ts): absolute links when the site's address is set. */
export const GET: APIRoute = async ({ site }) => {
  const xml = releasesFeed(await getLibrary(), site, settings.organisation);
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
