import { describe, expect, it } from 'vitest';
import { restoreIntentVersion } from '@/lib/revision-history';

describe('restoreIntentVersion', () => {
  it('reads the version of a history button, and nothing else', () => {
    expect(restoreIntentVersion('restore:1')).toBe(1);
    expect(restoreIntentVersion('restore:42')).toBe(42);
    for (const tampered of ['restore:', 'restore:abc', 'restore:0', 'restore:-3', 'restore:1.5', 'restore:1e3', 'restore: 4', 'restore:9999999999', 'save', 'restore:4x']) {
      expect(restoreIntentVersion(tampered)).toBeNull();
    }
  });
});
