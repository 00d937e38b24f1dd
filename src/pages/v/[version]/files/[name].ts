import { assetPaths, serveAsset } from '../../../../data/assets.ts';

export const getStaticPaths = assetPaths('download', 'versions');
export const GET = serveAsset;
