import { getCollection } from 'astro:content';
import type { Area } from '../lib/areas.ts';

/** The areas' own details (content/areas/), in id order; read with the rest of the playbook, once. */
export async function getAreas(): Promise<Area[]> {
  const entries = await getCollection('areas');
  return entries.map((entry): Area => entry.data).sort((a, b) => a.id.localeCompare(b.id));
}
