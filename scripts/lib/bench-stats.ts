// Preloaded into the benchmark's builds (`node --import`, set by `npm run bench`): collects the figures
// the build publishes on the `playbook:build-figures` diagnostics channel (src/content.config.ts) and
// writes them, as they arrive, to the JSON file PLAYBOOK_BENCH_STATS names. Without that variable it
// does nothing, so other Node processes the benchmark starts are unaffected.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { settings } from '../../src/settings.ts';

const statsFile = settings.benchStats;
if (statsFile) {
  const stats: Record<string, number> = {};
  subscribe('playbook:build-figures', (message) => {
    Object.assign(stats, message as Record<string, number>);
    writeFileSync(statsFile, JSON.stringify(stats));
  });
}
