import { csvPaths, serveCsv } from '../../../../data/data-csv.ts';

export const getStaticPaths = csvPaths('latest');
export const GET = serveCsv;
