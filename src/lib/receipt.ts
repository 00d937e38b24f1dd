/**
 * A reading receipt for onboarding: made entirely in the reader's browser from the progress kept
 * there, with a name the reader types. Nothing is sent anywhere and nothing verifies it, so the
 * receipt says so in plain words. No imports: the receipt island runs this same code.
 */

export interface ReceiptData {
  track: string;
  trackTitle: string;
  release: string;
  /** The digest of the release: proves which text was read. */
  digest: string;
  /** The release's address, absolute in the browser. */
  releaseUrl: string;
  steps: Array<{ id: string; title: string; url: string }>;
}

export const RECEIPT_DISCLAIMER =
  'This receipt was made by the reader\'s own web browser, from reading progress kept only in that browser, with the name the reader typed. It is not a verified record: nothing was sent to the program or checked by anyone.';

export interface Receipt {
  name: string;
  /** YYYY-MM-DD, the reader's day. */
  date: string;
  data: ReceiptData;
  /** Ids of the steps marked read in this release. */
  read: string[];
}

/** The receipt as plain text, for the download (and the same words as the printed receipt). */
export function receiptText(receipt: Receipt): string {
  const { data } = receipt;
  const read = new Set(receipt.read);
  return [
    'READING RECEIPT: Peer Support Playbook',
    '',
    `Name (as typed by the reader): ${receipt.name}`,
    `Track: ${data.trackTitle}`,
    `Release: ${data.release} (${data.releaseUrl})`,
    `Release digest: ${data.digest}`,
    `Date: ${receipt.date}`,
    `Pages marked as read: ${data.steps.filter((step) => read.has(step.id)).length} of ${data.steps.length}`,
    ...data.steps.map((step, index) => `  ${index + 1}. ${read.has(step.id) ? '[read]' : '[not marked as read]'} ${step.title} (${step.url})`),
    '',
    RECEIPT_DISCLAIMER,
    '',
  ].join('\n');
}

/** A file name for the download: the track, release and date, nothing about the reader. */
export function receiptFileName(receipt: Receipt): string {
  return `reading-receipt-${receipt.data.track}-${receipt.data.release}-${receipt.date}.txt`;
}
