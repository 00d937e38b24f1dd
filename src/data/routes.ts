import type { GetStaticPaths } from 'astro';
import { RELEASE_ROUTES, readingContext, routePaths, type Prefix, type ReadingContext, type ReleaseRouteKind } from '../lib/routes.ts';
import type { Library, Release } from '../lib/model.ts';
import { getLibrary, releasePaths } from './library.ts';

/** The route parameter each kind takes (`[page]`, `[track]`, `[name]`), beside `[version]` under /v/. */
const PARAM: Partial<Record<ReleaseRouteKind, string>> = { page: 'page', track: 'track', figures: 'name', files: 'name' };

/** The frozen releases /v/ makes pages for: `releasePaths()` decides. */
async function frozenReleases(library: Library): Promise<Release[]> {
  return (await releasePaths()).map(({ params }) => library.release(params.version)!);
}

/** What each route file receives: the model, the release it renders and how it is read. */
export interface RouteProps {
  /** The kind of the route table the file makes. */
  kind: ReleaseRouteKind;
  library: Library;
  release: Release;
  ctx: ReadingContext;
  /** The kind's parameter (a page id, a track id, a file name), when it takes one. */
  param?: string;
}

/**
 * `getStaticPaths` of the route file for `kind` under `prefix`, from the route table. Which frozen
 * releases get paths under /v/ is decided by `releasePaths()` (src/data/library.ts) alone.
 * @param name the file's parameter, when it is not the kind's own (a rest parameter such as `[...data]`)
 */
export function routeStaticPaths(kind: ReleaseRouteKind, prefix: Prefix, name = PARAM[kind]): GetStaticPaths {
  return async () => {
    const library = await getLibrary();
    const versions = prefix === 'v' ? await frozenReleases(library) : [];
    return routePaths(kind, prefix, library, versions).map(({ release, param }) => ({
      params: { ...(prefix === 'v' ? { version: release.release } : {}), ...(name ? { [name]: param } : {}) },
      props: { kind, library, release, ctx: readingContext(release, prefix), param } satisfies RouteProps,
    }));
  };
}

/** The releases that have `kind` under `prefix`, for a route file whose parameters go deeper than the table's (a data set's tables). */
export async function routeReleases(kind: ReleaseRouteKind, prefix: Prefix): Promise<Release[]> {
  const library = await getLibrary();
  const versions = prefix === 'v' ? await frozenReleases(library) : [];
  return [...new Set(routePaths(kind, prefix, library, versions).map((path) => path.release))];
}

/** For a route file without parameters (under /latest/ or /draft/): its props, or none when the release lacks the kind. */
export async function routeProps(kind: ReleaseRouteKind, prefix: Exclude<Prefix, 'v'>): Promise<RouteProps | undefined> {
  const library = await getLibrary();
  const [path] = routePaths(kind, prefix, library, []);
  return path && { kind, library, release: path.release, ctx: readingContext(path.release, prefix), param: path.param };
}

export { RELEASE_ROUTES };
