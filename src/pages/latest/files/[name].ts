import { assetPaths, serveAsset } from '../../../data/assets.ts';

export const getStaticPaths = assetPaths('download', 'latest');
export const GET = serveAsset;
