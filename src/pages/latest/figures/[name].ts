import { assetPaths, serveAsset } from '../../../data/assets.ts';

export const getStaticPaths = assetPaths('figure', 'latest');
export const GET = serveAsset;
