import type { APIRoute, GetStaticPaths } from 'astro';
import { tableCsv, tableView } from '../lib/data-view.ts';
import type { Release } from '../lib/model.ts';
import { getLibrary, renderedReleases } from './library.ts';

type Where = 'versions' | 'draft' | 'latest';

/** `getStaticPaths` for the CSV of every table of every data set: `/v/<version>/data/<set>/<table>.csv`. */
export function csvPaths(where: Where): GetStaticPaths {
  return async () => {
    const library = await getLibrary();
    const releases: Release[] = where === 'versions' ? await renderedReleases() : where === 'draft' ? (library.draft ? [library.draft] : []) : [library.latest];
    return releases.flatMap((release) =>
      release.data.flatMap((set) =>
        set.tables.map((spec) => ({
          params: { set: set.id, table: spec.id, ...(where === 'versions' ? { version: release.release } : {}) },
          props: { csv: tableCsv(tableView(set, spec)) },
        })),
      ),
    );
  };
}

/** The table exactly as the data page shows it, hidden counts as words. */
export const serveCsv: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
