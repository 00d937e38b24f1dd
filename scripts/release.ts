// npm run release -- <version> [--date YYYY-MM-DD]    freezes content/draft/ (and its release-notes.mdx) as a new release
// (in the project itself the release is then built, and its PDF and offline copy made; --no-copies skips that)
// npm run release -- --recover                          undoes a release that was interrupted
import { releaseCommand } from './lib/release-cli.ts';

await releaseCommand();
