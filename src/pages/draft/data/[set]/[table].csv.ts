import { csvPaths, serveCsv } from '../../../../data/data-csv.ts';

export const getStaticPaths = csvPaths('draft');
export const GET = serveCsv;
