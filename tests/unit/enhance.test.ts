import { describe, expect, it } from 'vitest';
import { parsePending } from '@/lib/enhance/selection-focus';

// sessionStorage is shared by every page of the origin in a tab: what the
// wegwijzer's focus move reads back must be checked, not trusted.
describe('the wegwijzer choice left for the next page', () => {
  it('reads what a click stored', () => {
    expect(parsePending(JSON.stringify({ url: 'http://localhost/wegwijzer?wet=wpg', scrollY: 420 }))).toEqual({ url: 'http://localhost/wegwijzer?wet=wpg', scrollY: 420 });
  });

  it('ignores anything else', () => {
    for (const raw of [null, '', 'not json', 'null', '[]', '{"url":1,"scrollY":0}', '{"url":"x"}', '{"url":"x","scrollY":-1}', '{"url":"x","scrollY":"1"}']) {
      expect(parsePending(raw), String(raw)).toBeNull();
    }
  });
});
