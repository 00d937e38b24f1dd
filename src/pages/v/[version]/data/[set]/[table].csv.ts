import { csvPaths, serveCsv } from '../../../../../data/data-csv.ts';

export const getStaticPaths = csvPaths('versions');
export const GET = serveCsv;
