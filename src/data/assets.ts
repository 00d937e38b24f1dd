import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA_TYPES, type AssetRecord } from '../lib/assets.ts';
import type { Release } from '../lib/model.ts';
import { getLibrary, renderedReleases } from './library.ts';

type Kind = AssetRecord['kind'];
/** Which releases a route publishes: each frozen one under /v/<version>/, the draft, or the latest. */
type Where = 'versions' | 'draft' | 'latest';

async function releasesAt(where: Where, library: Awaited<ReturnType<typeof getLibrary>>): Promise<Release[]> {
  if (where === 'versions') return renderedReleases();
  if (where === 'draft') return library.draft ? [library.draft] : [];
  return [library.latest];
}

/**
 * `getStaticPaths` for the figures or downloads of releases: every file at its permanent address
 * (`/v/<version>/files/<name>`), so a template downloaded from a release can be cited for ever.
 */
export function assetPaths(kind: Kind, where: Where): GetStaticPaths {
  return async () => {
    const library = await getLibrary();
    return (await releasesAt(where, library)).flatMap((release) =>
      release.assets
        .filter((asset) => asset.kind === kind)
        .map((asset) => ({ params: { name: asset.name, ...(where === 'versions' ? { version: release.release } : {}) }, props: { asset } })),
    );
  };
}

/** The file's bytes: as written, or compressed at build for a raster figure. */
export const serveAsset: APIRoute = ({ props }) => {
  const asset = (props as { asset: AssetRecord }).asset;
  const type = MEDIA_TYPES[extname(asset.name).slice(1).toLowerCase()] ?? 'application/octet-stream';
  return new Response(readFileSync(asset.served), { headers: { 'Content-Type': type } });
};
