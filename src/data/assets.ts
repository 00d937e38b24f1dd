import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { APIRoute } from 'astro';
import { MEDIA_TYPES } from '../lib/assets.ts';
import { RELEASE_ROUTES, type RouteProps } from './routes.ts';
import type { ReleaseRoute } from '../lib/routes.ts';

/** The file's bytes: as written, or compressed at build for a raster figure. */
export const serveAsset: APIRoute = ({ props }) => {
  const { kind, release, param } = props as RouteProps;
  // The folder of the route (figures/ or files/) and the name: the asset's path in its release.
  const route: ReleaseRoute = RELEASE_ROUTES[kind];
  const path = `${route.segment}/${param}`;
  const asset = release.assets.find((candidate) => candidate.path === path);
  if (!asset) throw new Error(`release ${release.release} has no ${path}; expected the route table's ${kind} to be the release's assets`);
  const type = MEDIA_TYPES[extname(asset.name).slice(1).toLowerCase()] ?? 'application/octet-stream';
  return new Response(readFileSync(asset.served), { headers: { 'Content-Type': type } });
};
