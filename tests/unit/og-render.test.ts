import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderOgPng } from '@/lib/og/render';
import { ogCard, planCard } from '@/lib/og/text';

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// Every character lib/og/text.ts lets through.
let allowed = '';
for (let cp = 0x20; cp <= 0x17f; cp++) allowed += String.fromCodePoint(cp);
allowed += '‘’‚“”„–—…•€×·′″‹›';

describe('renderOgPng', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  // Next's renderer downloads a font from the internet for any glyph the given
  // fonts lack (and emoji from a CDN). Refuse every fetch except the renderer
  // loading its own bundled WebAssembly from data: URLs, and draw every
  // character the card may hold.
  it('draws every character a card may hold without the network, as a 1200×630 PNG', { timeout: 60_000 }, async () => {
    const outside: string[] = [];
    globalThis.fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith('data:')) return realFetch(input, init);
      outside.push(url);
      throw new Error(`no network in this test: ${url}`);
    });
    const errors = vi.spyOn(console, 'error');
    const chunks = allowed.match(/.{1,60}/gsu) ?? [];
    for (const [i, chunk] of chunks.entries()) {
      const card = ogCard({ eyebrow: `Deel ${i}`, title: chunk, subtitle: chunk });
      expect(card.title.length, 'the filter must let these through').toBeGreaterThan(0);
      const png = await renderOgPng(card, 'wegwijzer.example');
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    }
    // A plan title with emoji and another script: filtered, still drawn offline.
    const png = await renderOgPng(planCard({ title: 'Plan 😀 日本 ≥ → ✓', municipality: 'Ærø' }), 'wegwijzer.example');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(outside).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
  });
});
