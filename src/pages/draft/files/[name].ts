import { assetPaths, serveAsset } from '../../../data/assets.ts';

export const getStaticPaths = assetPaths('download', 'draft');
export const GET = serveAsset;
