/**
 * The text of a preview image (Open Graph card). Pure, so it is unit-tested
 * without rendering; lib/og/render.tsx draws it.
 */

/** What a card says: a small line above (the kind of page), the title, an optional line below. */
export type OgCard = { eyebrow: string; title: string; subtitle?: string };

// Characters the bundled font (Geist, lib/og/render.tsx) has a glyph for:
// printable ASCII, Latin-1 and Latin Extended-A (less the few Geist lacks), and
// the typographic punctuation our content uses. For any other character Next's
// image renderer would download a font or an emoji from the internet at run
// time; we have no network there, and an emoji even makes the render fail
// (tests/unit/og-render.test.ts renders every allowed character with fetch
// refused).
const MISSING_IN_FONT = new Set('\u00AD\u0114\u0115\u012C\u012D\u0138\u013F\u0140\u0149\u014E\u014F\u017F');
const EXTRA = new Set('‘’‚“”„–—…•€×·′″‹›');

function drawable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (MISSING_IN_FONT.has(ch)) return false;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0x17f) || EXTRA.has(ch);
}

/**
 * Text the card can draw without any network: characters the font lacks are
 * replaced by their base letter when they have one ("ș" → "s"), else dropped;
 * white space (line breaks, tabs) becomes one space.
 */
export function drawableText(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFC')) {
    if (/\s/u.test(ch)) {
      out += ' ';
    } else if (drawable(ch)) {
      out += ch;
    } else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base !== ch && [...base].every(drawable)) out += base;
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** At most `max` characters, cut at a word where possible, with "…" when cut. */
export function clampText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/u, '')}…`;
}

const TITLE_MAX = 110;
const LINE_MAX = 70;

/** A card's text made safe to draw and short enough to fit. */
export function ogCard(card: OgCard): OgCard {
  const title = clampText(drawableText(card.title), TITLE_MAX);
  const subtitle = card.subtitle === undefined ? undefined : clampText(drawableText(card.subtitle), LINE_MAX);
  return {
    eyebrow: clampText(drawableText(card.eyebrow), LINE_MAX),
    title,
    ...(subtitle ? { subtitle } : {}),
  };
}

/**
 * A funding plan's card: its title and municipality, nothing else. The plan's
 * lines (and so its amounts) are not part of the input: the image of a plan
 * link must not tell what a municipality spends.
 */
export function planCard(plan: { title: string; municipality: string }): OgCard {
  return ogCard({ eyebrow: 'Financieringsplan', title: plan.title, subtitle: plan.municipality });
}

/** A regional plan's card: its name only (members and amounts stay off the image). */
export function regionCard(region: { name: string }): OgCard {
  return ogCard({ eyebrow: 'Regionaal plan', title: region.name });
}

/** Font size of the title: long titles smaller, so up to 110 characters fit in three lines. */
export function titleSize(title: string): number {
  const n = [...title].length;
  if (n <= 36) return 76;
  if (n <= 64) return 64;
  return 52;
}
