import { csvPaths, serveCsv } from '../../../../../data/data-csv.ts';

export const getStaticPaths = csvPaths('v');
export const GET = serveCsv;
