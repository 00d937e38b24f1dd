/**
 * A data block for `<script type="application/json">`: the page's islands read their data from it,
 * and nothing in it can close the element.
 */
export function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
