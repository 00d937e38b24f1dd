import type { GetStaticPaths } from 'astro';
import { serveAsset } from '../../../data/assets.ts';
import { routeStaticPaths } from '../../../data/routes.ts';

export const getStaticPaths = routeStaticPaths('files', 'latest') satisfies GetStaticPaths;
export const GET = serveAsset;
