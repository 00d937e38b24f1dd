import type { APIRoute } from 'astro';
import { getAreas } from '../../data/areas.ts';
import { localValues } from '../../lib/areas.ts';

/** Every area's details, by id: what the Local island fills pages with. Same origin; nothing is sent. */
export const GET: APIRoute = async () => new Response(JSON.stringify(localValues(await getAreas())), { headers: { 'Content-Type': 'application/json' } });
