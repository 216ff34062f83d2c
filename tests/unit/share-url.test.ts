import { describe, expect, it } from 'vitest';
import { shareUrl } from '@/lib/share-url';

describe('shareUrl: what "Kopieer link" copies', () => {
  const canonical = 'https://wegwijzer.example/knelpunten';
  it('is the canonical URL itself, a fragment of it, or a path on its origin', () => {
    expect(shareUrl(undefined, canonical, 'http://127.0.0.1:3000/knelpunten#x')).toBe('https://wegwijzer.example/knelpunten');
    expect(shareUrl('#knelpunt-3', canonical, 'http://127.0.0.1:3000/knelpunten')).toBe('https://wegwijzer.example/knelpunten#knelpunt-3');
    expect(shareUrl('/wegwijzer?wet=wpg&niveau=selectief', 'https://wegwijzer.example/wegwijzer', 'http://x/')).toBe(
      'https://wegwijzer.example/wegwijzer?wet=wpg&niveau=selectief',
    );
  });
  it('falls back to the address in the browser without a canonical link', () => {
    expect(shareUrl(undefined, null, 'http://127.0.0.1:3000/voorbeelden/den-haag#top')).toBe('http://127.0.0.1:3000/voorbeelden/den-haag');
  });
});
