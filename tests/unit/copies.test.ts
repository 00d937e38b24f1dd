import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedCopy, cachedCopyFile, copyKey, noticesOf, sizeText } from '../../src/lib/copies.ts';

describe('the copies of a frozen release (PDF, offline zip)', () => {
  const notice = { id: 'dose-correction', date: '2026-01-10', title: 'Corrected dose', affects: [{ release: '2.0' }] };

  it('are kept under a key of the release’s digest and the notices that concern it', () => {
    const digest = 'sha256-abc';
    const bare = copyKey(digest, noticesOf('2.0', []));
    expect(copyKey(digest, noticesOf('2.0', [{ ...notice, affects: [{ release: '1.0' }] }]))).toBe(bare);
    const noticed = copyKey(digest, noticesOf('2.0', [notice]));
    expect(noticed).not.toBe(bare);
    expect(copyKey(digest, noticesOf('2.0', [{ ...notice, title: 'Corrected dose (updated)' }]))).not.toBe(noticed);
    expect(copyKey('sha256-abd', [])).not.toBe(bare);
    expect(bare).toMatch(/^[0-9a-f]{16}$/);
  });

  it('are found once made, with their size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copies-'));
    expect(cachedCopy(dir, '2.0', 'k', 'pdf')).toBeUndefined();
    writeFileSync(cachedCopyFile(dir, '2.0', 'k', 'pdf'), Buffer.alloc(1_234_567));
    expect(cachedCopy(dir, '2.0', 'k', 'pdf')).toEqual({ file: join(dir, '2.0-k.pdf'), bytes: 1_234_567 });
    expect(cachedCopy(dir, '2.0', 'k', 'offline')).toBeUndefined();
    expect(sizeText(1_234_567)).toBe('1.2 MB');
    expect(sizeText(840_200)).toBe('840 KB');
  });
});
