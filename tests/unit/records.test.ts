import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { areaRecordSchema, noticeRecordSchema, pageRecordSchema, recordsFromContent, releaseRecordSchema } from '../../src/lib/records.ts';
import { GOOD_FIXTURE } from './helpers.ts';

// The collections parse every record through these schemas (src/content.config.ts): a record must
// come out exactly as it went in, or a field was dropped, renamed or reshaped on the way to the pages.
describe('the collections\' record schemas', () => {
  for (const [name, root] of [
    ['the good fixture', GOOD_FIXTURE],
    ['the playbook', resolve(import.meta.dirname, '..', '..')],
  ] as const) {
    it(`keep every record of ${name} as it is`, async () => {
      const content = await loadContent({ root });
      expect(content.problems).toEqual([]);
      const records = recordsFromContent(content);
      expect(records.pages.length).toBeGreaterThan(0);
      for (const { html, ...page } of records.pages) expect(pageRecordSchema.parse(page)).toEqual(page);
      for (const release of records.releases) expect(releaseRecordSchema.parse(release)).toEqual(release);
      for (const area of records.areas) expect(areaRecordSchema.parse(area)).toEqual(area);
      for (const notice of records.notices) expect(noticeRecordSchema.parse(notice)).toEqual(notice);
    });
  }

  it('refuses a page record with a field no schema knows, instead of dropping it', async () => {
    const content = await loadContent({ root: GOOD_FIXTURE });
    const [{ html, ...page }] = recordsFromContent(content).pages;
    const result = pageRecordSchema.safeParse({ ...page, addedLater: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['addedLater'] });
  });
});
