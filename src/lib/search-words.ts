import { distance } from 'fastest-levenshtein';

/**
 * What search knows of a release's own words, beyond Pagefind's index: the synonyms a reader may
 * type for the playbook's words (from the release's glossary, and a short list of everyday words
 * below), and the release's vocabulary (titles, headings, glossary) to suggest a spelling from.
 * Written per release to /search-words/<release>.json and read by the search island; plain data
 * and pure functions, shared by the build and the browser.
 */

export interface SearchWords {
  /** A word or phrase a reader may type (lower case) -> the playbook's words for it. */
  synonyms: Record<string, string[]>;
  /** The release's own words of four letters or more, lower case, sorted: what a misspelling is corrected to. */
  vocabulary: string[];
}

/**
 * The file of a release's search words: only its glossary's synonyms (the everyday ones are in the
 * search code already) and its vocabulary as one string. About 3 KB for a release of 30 pages,
 * fetched with the release's bundle on the first search.
 */
export interface SearchWordsFile {
  synonyms: Record<string, string[]>;
  vocabulary: string;
}

export function searchWordsFile(words: SearchWords): SearchWordsFile {
  const synonyms: Record<string, string[]> = {};
  for (const [from, to] of Object.entries(words.synonyms)) {
    const everyday = EVERYDAY_SYNONYMS[from] ?? [];
    const own = to.filter((word) => !everyday.includes(word));
    if (own.length) synonyms[from] = own;
  }
  return { synonyms, vocabulary: words.vocabulary.join(' ') };
}

/** The search words again, from the file and the everyday synonyms. */
export function searchWordsFromFile(file: SearchWordsFile): SearchWords {
  const synonyms: Record<string, string[]> = {};
  for (const [from, to] of Object.entries(EVERYDAY_SYNONYMS)) synonyms[from] = [...to];
  for (const [from, to] of Object.entries(file.synonyms)) synonyms[from] = [...new Set([...(synonyms[from] ?? []), ...to])];
  return { synonyms, vocabulary: file.vocabulary ? file.vocabulary.split(' ') : [] };
}


/**
 * Everyday words readers type for what the playbook names otherwise. Only words a physician would
 * plausibly search for; the glossary's own aliases are added per release. Keys are whole words or
 * phrases; each maps to words the playbook uses.
 */
export const EVERYDAY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  lawsuit: ['litigation'],
  lawsuits: ['litigation'],
  sued: ['litigation'],
  'being sued': ['litigation'],
  'malpractice claim': ['litigation'],
  deposition: ['litigation'],
  divorce: ['marital'],
  marriage: ['marital'],
  spouse: ['marital'],
  roi: ['business case'],
  'return on investment': ['business case'],
  'cost savings': ['cost-benefit'],
  psychiatrist: ['professional help'],
  psychologist: ['professional help'],
  therapist: ['professional help'],
  therapy: ['professional help'],
  counselor: ['professional help'],
  counselling: ['professional help'],
  counseling: ['professional help'],
  'mental health': ['professional help'],
  violence: ['threats'],
  violent: ['threats'],
  assault: ['threats'],
  aggression: ['threats'],
  'medical error': ['adverse event'],
  mistake: ['adverse event'],
  privacy: ['confidentiality'],
  secret: ['confidentiality'],
};

/** Every run of letters and digits, lower case. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface WordSources {
  /** Page and track titles, headings and part titles. */
  texts: readonly string[];
  glossary: ReadonlyArray<{ term: string; aliases: readonly string[] }>;
}

/** What the search words of a release are made from, read off the model's release. */
export function wordSourcesOf(release: {
  pages: ReadonlyArray<{ title: string; headings: ReadonlyArray<{ text: string }> }>;
  parts: ReadonlyArray<{ title: string }>;
  tracks: ReadonlyArray<{ title: string }>;
  glossary: ReadonlyArray<{ term: string; aliases: readonly string[] }>;
}): WordSources {
  return {
    texts: [...release.pages.flatMap((page) => [page.title, ...page.headings.map((heading) => heading.text)]), ...release.parts.map((part) => part.title), ...release.tracks.map((track) => track.title)],
    glossary: release.glossary,
  };
}

/** The search words of one release: its glossary's aliases as synonyms, and its vocabulary. */
export function searchWords(sources: WordSources): SearchWords {
  const synonyms: Record<string, string[]> = {};
  const add = (from: string, to: string) => {
    const key = from.trim().toLowerCase();
    if (!key || key === to.toLowerCase()) return;
    const list = (synonyms[key] ??= []);
    if (!list.includes(to.toLowerCase())) list.push(to.toLowerCase());
  };
  for (const [from, to] of Object.entries(EVERYDAY_SYNONYMS)) for (const word of to) add(from, word);
  for (const entry of sources.glossary) for (const alias of entry.aliases) add(alias, entry.term);
  const vocabulary = new Set<string>();
  for (const text of [...sources.texts, ...sources.glossary.flatMap((entry) => [entry.term, ...entry.aliases])]) {
    for (const word of wordsOf(text)) if (word.length >= 4 && !/^\d+$/.test(word)) vocabulary.add(word);
  }
  return { synonyms, vocabulary: [...vocabulary].sort() };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The query again with a reader's word replaced by the playbook's (one per synonym found), so that
 * "lawsuit" also searches "litigation". Longer phrases are replaced first; the original query is not
 * in the list.
 */
export function synonymQueries(q: string, words: Pick<SearchWords, 'synonyms'>): string[] {
  const variants = new Set<string>();
  const keys = Object.keys(words.synonyms).sort((a, b) => b.length - a.length);
  for (const key of keys) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(key)}(?![\\p{L}\\p{N}])`, 'iu');
    if (!pattern.test(q)) continue;
    for (const target of words.synonyms[key]) variants.add(q.replace(pattern, target).trim());
  }
  variants.delete(q.trim());
  return [...variants];
}

/**
 * Exact phrases for a word followed by a number ("tier 2", "stage 3"): Pagefind matches a last word
 * as a prefix, so "2" alone also finds 2016 and page 29 of a citation. Results with the phrase rank first.
 */
export function numberPhrases(q: string): string[] {
  return [...q.matchAll(/([\p{L}]+)\s+(\d+)(?![\p{L}\p{N}])/gu)].map((match) => `"${match[1].toLowerCase()} ${match[2]}"`);
}

/** The words of a number phrase without its number: `"tier 2"` -> `tier`. */
export function phraseWords(phrase: string): string {
  return phrase.replace(/^"|"$/g, '').replace(/\s*\d+\s*/g, ' ').trim();
}

/**
 * The pages holding a number phrase, each scored by how well it matches the phrase's words: Pagefind
 * scores every exact-phrase hit alike (1), so the words without the number tell the Tier 2 page from a
 * reference list that mentions Tier 2 once.
 */
export function scoredPhraseHits<R extends ScoredResult>(hits: readonly R[], wordResults: readonly ScoredResult[]): R[] {
  const byWords = new Map(wordResults.map((result) => [result.id, result.score]));
  return hits.map((hit) => ({ ...hit, score: byWords.get(hit.id) ?? 0 }));
}

/** How far a word may be from a vocabulary word to be taken for a misspelling of it. */
function tolerance(word: string): number {
  return word.length <= 7 ? 1 : 2;
}

/**
 * "Did you mean": the query with each word that is not in the release's vocabulary replaced by the
 * closest word that is (ties go to the first in alphabetical order); undefined when nothing changes.
 * A misspelling keeps its first letter and is one edit away (two from eight letters): "malpractice"
 * is not "practice". Words shorter than four letters and numbers are left alone.
 */
export function correctedQuery(q: string, words: Pick<SearchWords, 'vocabulary'>): string | undefined {
  const known = new Set(words.vocabulary);
  let changed = false;
  const corrected = q.replace(/[\p{L}]+/gu, (word) => {
    const lower = word.toLowerCase();
    if (lower.length < 4 || known.has(lower)) return word;
    let best: string | undefined;
    let bestDistance = tolerance(lower) + 1;
    for (const candidate of words.vocabulary) {
      if (candidate[0] !== lower[0] || Math.abs(candidate.length - lower.length) >= bestDistance) continue;
      const d = distance(lower, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? corrected : undefined;
}

/** What the merge reads of a Pagefind result. */
export interface ScoredResult {
  id: string;
  score: number;
}

/** A synonym's results count a little less than the words the reader typed. */
export const SYNONYM_WEIGHT = 0.9;

/**
 * One list from the searches of one query: the reader's words, their synonyms (scores scaled by
 * SYNONYM_WEIGHT) and a spelling correction placed `first` or after. A page found several ways keeps
 * its best score; pages holding an exact number phrase ("tier 2") come before the rest, ranked by
 * the phrase's score.
 */
export function mergeResults<R extends ScoredResult>(searches: {
  typed: readonly R[];
  synonyms?: ReadonlyArray<readonly R[]>;
  phrases?: ReadonlyArray<readonly R[]>;
  corrected?: { results: readonly R[]; first: boolean };
}): R[] {
  const best = new Map<string, { result: R; score: number }>();
  const offer = (result: R, score: number) => {
    const known = best.get(result.id);
    if (!known || score > known.score) best.set(result.id, { result, score });
  };
  for (const result of searches.typed) offer(result, result.score);
  for (const list of searches.synonyms ?? []) for (const result of list) offer(result, result.score * SYNONYM_WEIGHT);
  const phraseScore = new Map<string, number>();
  for (const list of searches.phrases ?? []) for (const result of list) phraseScore.set(result.id, Math.max(phraseScore.get(result.id) ?? 0, result.score));
  const ranked = [...best.values()]
    .sort((a, b) => {
      const [pa, pb] = [phraseScore.get(a.result.id), phraseScore.get(b.result.id)];
      if ((pa === undefined) !== (pb === undefined)) return pa === undefined ? 1 : -1;
      // Among pages holding the phrase, the phrase's own score decides: the typed words' score also
      // counts stray numbers ("2" matches 2016 and page 29 of a citation).
      return (pb ?? b.score) - (pa ?? a.score);
    })
    .map(({ result }) => result);
  if (!searches.corrected) return ranked;
  const corrected = [...searches.corrected.results].sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const ordered = searches.corrected.first ? [...corrected, ...ranked] : [...ranked, ...corrected];
  return ordered.filter((result) => !seen.has(result.id) && Boolean(seen.add(result.id)));
}
