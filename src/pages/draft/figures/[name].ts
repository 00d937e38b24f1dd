import { assetPaths, serveAsset } from '../../../data/assets.ts';

export const getStaticPaths = assetPaths('figure', 'draft');
export const GET = serveAsset;
