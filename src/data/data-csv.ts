import type { APIRoute, GetStaticPaths } from 'astro';
import { tableCsv, tableView } from '../lib/data-view.ts';
import type { Prefix } from '../lib/routes.ts';
import { routeReleases } from './routes.ts';

/** `getStaticPaths` for the CSV of every table of every data set: `/v/<version>/data/<set>/<table>.csv`. */
export function csvPaths(prefix: Prefix): GetStaticPaths {
  return async () =>
    (await routeReleases('data', prefix)).flatMap((release) =>
      release.data.flatMap((set) =>
        set.tables.map((spec) => ({
          params: { set: set.id, table: spec.id, ...(prefix === 'v' ? { version: release.release } : {}) },
          props: { csv: tableCsv(tableView(set, spec)) },
        })),
      ),
    );
}

/** The table exactly as the data page shows it, hidden counts as words. */
export const serveCsv: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
