import type { APIRoute } from 'astro';
import { getLibrary } from '../data/library.ts';
import { sitemapEntries, sitemapXml } from '../lib/outside.ts';

/** The sitemap (src/lib/outside.ts): absolute addresses, so empty unless the site's address is set. */
export const GET: APIRoute = async ({ site }) => {
  const xml = sitemapXml(sitemapEntries(await getLibrary(), import.meta.env.BASE_URL), site);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
