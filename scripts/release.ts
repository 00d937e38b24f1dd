// npm run release -- <version> [--date YYYY-MM-DD]    freezes content/draft/ (and its release-notes.mdx) as a new release
// npm run release -- --recover                          undoes a release that was interrupted
import { releaseCommand } from './lib/release-cli.ts';

await releaseCommand();
