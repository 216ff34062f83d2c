import { describe, expect, it } from 'vitest';
import { clampText, drawableText, ogCard, planCard, regionCard, titleSize } from '@/lib/og/text';

describe('drawableText: only characters the bundled font draws', () => {
  it('keeps Dutch text and typographic punctuation as they are', () => {
    const s = 'Geïndiceerd × Wpg · “kraamzorg” – € 1.000 – café naïef';
    expect(drawableText(s)).toBe(s);
  });

  it('drops emoji and scripts the font lacks, takes base letters where there is one, and folds white space', () => {
    expect(drawableText('Plan 😀 voor 日本\n\tSchiedam')).toBe('Plan voor Schiedam');
    expect(drawableText('Constanța Ŏ')).toBe('Constanta O');
    expect(drawableText('zorg\u00ADverzekeraar')).toBe('zorgverzekeraar');
    expect(drawableText('a\u202Eb')).toBe('ab');
  });
});

describe('clampText', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(clampText('kort', 10)).toBe('kort');
    expect(clampText('een heel lange titel van een plan', 20)).toBe('een heel lange…');
    expect([...clampText('x'.repeat(50), 20)].length).toBe(20);
  });
});

describe('cards', () => {
  it('a plan card holds its title and municipality and nothing else, whatever else the plan carries', () => {
    const plan = {
      title: 'Kansrijke Start 2026–2029',
      municipality: 'Gemeente Utrecht',
      lines: [{ amounts: [{ year: 2026, amount: 123_456 }] }],
      needs: [{ amount: 987_654 }],
    };
    const card = planCard(plan);
    expect(card).toEqual({ eyebrow: 'Financieringsplan', title: 'Kansrijke Start 2026–2029', subtitle: 'Gemeente Utrecht' });
    expect(JSON.stringify(card)).not.toMatch(/123|456|987|654/);
  });

  it('a region card holds its name only', () => {
    expect(regionCard({ name: 'Gelderland-Midden' })).toEqual({ eyebrow: 'Regionaal plan', title: 'Gelderland-Midden' });
  });

  it('clamps long titles and picks a smaller font for them', () => {
    const card = ogCard({ eyebrow: 'Interventie', title: 'woord '.repeat(40) });
    expect([...card.title].length).toBeLessThanOrEqual(110);
    expect(titleSize(card.title)).toBeLessThan(titleSize('VoorZorg'));
  });
});
