// On compare pages: a choice between the inline diff (deleted and inserted words in one text, the
// markup every compare page is built with) and a side-by-side view (the older text on the left, the
// newer on the right), built here from the inline markup. Without JavaScript the inline view stays.
// The choice is remembered in this browser only.

const KEY = 'playbook:compare-layout';
type Layout = 'inline' | 'split';

function remembered(): Layout {
  try {
    return localStorage.getItem(KEY) === 'split' ? 'split' : 'inline';
  } catch {
    return 'inline';
  }
}

function remember(layout: Layout): void {
  try {
    localStorage.setItem(KEY, layout);
  } catch {
    // Storage may be off; the choice then lasts for this page only.
  }
}

/** One side of a row: the older text keeps deleted words, the newer keeps inserted ones. */
function side(row: Element, keep: 'del' | 'ins'): Element {
  const copy = row.cloneNode(true) as Element;
  for (const other of copy.querySelectorAll(keep === 'del' ? 'ins' : 'del')) other.remove();
  copy.removeAttribute('id');
  return copy;
}

/** The side-by-side version of one `.diff`: a two-column grid, a row per passage. */
function split(diff: Element): HTMLElement {
  const grid = document.createElement('div');
  grid.className = 'diff-split';
  const head = (text: string) => Object.assign(document.createElement('p'), { className: 'diff-split__head', textContent: text });
  grid.append(head('Before'), head('After'));
  for (const row of diff.children) {
    const status = /diff-row--(same|changed|added|removed)/.exec(row.className)?.[1];
    if (!status) {
      // Folded unchanged passages span both columns.
      const whole = row.cloneNode(true) as HTMLElement;
      whole.classList.add('diff-split__whole');
      grid.append(whole);
      continue;
    }
    const empty = () => Object.assign(document.createElement('div'), { className: 'diff-split__empty' });
    const left = status === 'added' ? empty() : side(row, 'del');
    const right = status === 'removed' ? empty() : side(row, 'ins');
    left.classList.add('diff-split__cell');
    right.classList.add('diff-split__cell');
    grid.append(left, right);
  }
  return grid;
}

function apply(root: Element, layout: Layout): void {
  for (const diff of root.querySelectorAll<HTMLElement>('.diff')) {
    let twin = diff.nextElementSibling as HTMLElement | null;
    if (layout === 'split' && !twin?.classList.contains('diff-split')) {
      twin = split(diff);
      diff.after(twin);
    }
    diff.hidden = layout === 'split';
    if (twin?.classList.contains('diff-split')) twin.hidden = layout !== 'split';
  }
}

/** Adds the choice of layout above a rendered comparison in `root` (a `.compare-result`). */
export function enhanceComparison(root: Element): void {
  if (!root.querySelector('.diff') || root.querySelector('.compare-layout')) return;
  const layout = remembered();
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'compare-layout';
  const legend = document.createElement('legend');
  legend.textContent = 'Show changes';
  fieldset.append(legend);
  for (const [value, label] of [['inline', 'In one text'], ['split', 'Side by side']] as const) {
    const id = `compare-layout--${value}`;
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'compare-layout', value, id, checked: value === layout });
    input.addEventListener('change', () => {
      remember(value);
      apply(root, value);
    });
    const text = Object.assign(document.createElement('label'), { htmlFor: id, textContent: label });
    const field = document.createElement('span');
    field.className = 'compare-layout__choice';
    field.append(input, text);
    fieldset.append(field);
  }
  const legendText = root.querySelector('.compare-legend');
  (legendText ?? root.firstElementChild)?.after(fieldset);
  apply(root, layout);
}

for (const root of document.querySelectorAll('.compare-result')) enhanceComparison(root);
