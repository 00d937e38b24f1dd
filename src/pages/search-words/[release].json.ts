import type { APIRoute, GetStaticPaths } from 'astro';
import { everyReleasePaths, getLibrary } from '../../data/library.ts';
import { searchWords, searchWordsFile, wordSourcesOf } from '../../lib/search-words.ts';

/** One small file per release (and the draft) for the search island: synonyms and the words to suggest a spelling from. */
export const getStaticPaths = everyReleasePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const library = await getLibrary();
  const release = library.release(params.release as string)!;
  return new Response(JSON.stringify(searchWordsFile(searchWords(wordSourcesOf(release)))), { headers: { 'Content-Type': 'application/json' } });
};
