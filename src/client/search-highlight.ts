// Marks the searched words on a page opened from a search result (?pagefind-highlight=<word>),
// with Pagefind's highlighter. Its own styles are off (they would be an inline <style>); the
// site's stylesheet styles mark.pagefind-highlight.
import { searchRoot } from '../lib/addresses.ts';
import { HIGHLIGHT_PARAM } from '../lib/search.ts';

type Highlighter = new (options: Record<string, unknown>) => unknown;

declare global {
  /** Pagefind's highlight script defines it on the window. */
  interface Window {
    PagefindHighlight?: Highlighter;
  }
}

await import(/* @vite-ignore */ `${searchRoot()}pagefind-highlight.js`);
const PagefindHighlight = window.PagefindHighlight;
if (!PagefindHighlight) throw new Error(`${searchRoot()}pagefind-highlight.js loaded without defining PagefindHighlight`);
new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markContext: '[data-pagefind-body]' });
// Without a section to land on, bring the first match into view.
if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
