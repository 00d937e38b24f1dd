/**
 * The reading receipt: made here, from the progress this browser keeps and the name typed in, then
 * printed or downloaded. Nothing is stored or sent.
 */
import { islandData, islandRoot, requiredPart } from '../lib/islands.ts';
import { PROGRESS_KEY, parseProgress, stepState, type TrackData } from '../lib/progress.ts';
import { RECEIPT_DISCLAIMER, receiptFileName, receiptText, type Receipt, type ReceiptData } from '../lib/receipt.ts';

const section = islandRoot<HTMLElement>(document, 'receipt');
// The track it certifies: the progress island's data on the same track page.
const trackRoot = islandRoot<HTMLElement>(document, 'progress');

function readIds(track: TrackData, data: ReceiptData): string[] {
  let text: string | null = null;
  try {
    text = localStorage.getItem(PROGRESS_KEY);
  } catch {
    // Storage blocked: nothing was kept, so nothing is marked as read.
  }
  const store = parseProgress(text);
  return data.steps.filter((step) => stepState(store, track, step.id).state === 'done').map((step) => step.id);
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

if (section) {
  const part = <T extends Element>(root: HTMLElement | undefined, selector: string) => requiredPart<T>(root ?? document, 'receipt', selector);
  const data = islandData<ReceiptData>(part<HTMLElement>(section, '[data-receipt-data]'), 'receipt');
  const track = islandData<TrackData>(part<HTMLElement>(trackRoot, '[data-track-data]'), 'receipt');
  const progress = part<HTMLElement>(section, '[data-receipt-progress]');
  const form = part<HTMLFormElement>(section, '[data-receipt-form]');
  const output = part<HTMLElement>(section, '[data-receipt-output]');
  const status = part<HTMLElement>(section, '[data-receipt-status]');
  const make = part<HTMLButtonElement>(section, '[data-receipt-make]');
  const update = () => {
    const read = readIds(track, data).length;
    const all = read === data.steps.length;
    progress.textContent = all
      ? `You have marked all ${data.steps.length} steps as read.`
      : `You have marked ${read} of ${data.steps.length} steps as read. The receipt can be made when all are.`;
    make.disabled = !all;
  };
  section.hidden = false;
  update();
  // The progress island saves each tick before this runs again; re-read on every change and on return.
  document.addEventListener('change', () => setTimeout(update));
  addEventListener('pageshow', update);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = (new FormData(form).get('name') ?? '').toString().trim();
    if (!name) return;
    const receipt: Receipt = { name, date: today(), data: { ...data, releaseUrl: `${location.origin}${data.releaseUrl}` }, read: readIds(track, data) };
    output.replaceChildren(render(receipt));
    status.textContent = 'Receipt made. Print it or download it below.';
    output.querySelector<HTMLElement>('.receipt')?.focus();
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(receipt: Receipt): HTMLElement {
  const article = element('article', undefined, 'receipt');
  article.tabIndex = -1;
  article.setAttribute('aria-labelledby', 'receipt-made-title');
  const title = element('h3', 'Reading receipt: Peer Support Playbook');
  title.id = 'receipt-made-title';
  const facts = element('dl', undefined, 'receipt__facts');
  const read = new Set(receipt.read);
  for (const [term, value] of [
    ['Name (typed by the reader)', receipt.name],
    ['Track', receipt.data.trackTitle],
    ['Release', `${receipt.data.release} (${receipt.data.releaseUrl})`],
    ['Release digest', receipt.data.digest],
    ['Date', receipt.date],
    ['Pages marked as read', `${receipt.read.length} of ${receipt.data.steps.length}`],
  ]) {
    facts.append(element('dt', term), element('dd', value));
  }
  const pages = element('ol', undefined, 'receipt__pages');
  for (const step of receipt.data.steps) pages.append(element('li', `${step.title}${read.has(step.id) ? '' : ' (not marked as read)'}`));
  const disclaimer = element('p', RECEIPT_DISCLAIMER, 'receipt__disclaimer');
  const actions = element('p', undefined, 'receipt__actions no-print');
  const print = element('button', 'Print the receipt', 'tool-button');
  print.type = 'button';
  print.addEventListener('click', () => {
    document.body.classList.add('printing-receipt');
    addEventListener('afterprint', () => document.body.classList.remove('printing-receipt'), { once: true });
    window.print();
  });
  const download = element('a', 'Download the receipt (text file)');
  download.href = URL.createObjectURL(new Blob([receiptText(receipt)], { type: 'text/plain;charset=utf-8' }));
  download.download = receiptFileName(receipt);
  actions.append(print, ' ', download);
  article.append(title, facts, pages, disclaimer, actions);
  return article;
}
