import { assetPaths, serveAsset } from '../../../../data/assets.ts';

export const getStaticPaths = assetPaths('figure', 'versions');
export const GET = serveAsset;
