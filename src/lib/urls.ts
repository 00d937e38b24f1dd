/**
 * Kept for the builders other branches append below (the lead moves them into addresses.ts): every
 * address is built in addresses.ts, and the route table's helpers live in routes.ts.
 */
export * from './addresses.ts';
export { sectionLinkBases, switchTargetsTo, type SectionLinkBases } from './routes.ts';
