import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { SITE_NAME } from '@/lib/site';
import { titleSize, type OgCard } from './text';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

// Geist (SIL Open Font License) from the `geist` npm package, as .ttf: the
// image renderer (satori) reads TrueType/OpenType, not woff2. Read from disk
// once per process; nothing is fetched. Next bundles Geist Regular as its
// default, but a bold title is the app's look, and passing our own fonts
// keeps both weights from the same file set.
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'geist', 'dist', 'fonts', 'geist-sans');
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, 'Geist-Regular.ttf')),
    readFile(path.join(FONT_DIR, 'Geist-Bold.ttf')),
  ]).then(([regular, bold]) => [
    { name: 'Geist', data: regular, weight: 400, style: 'normal' },
    { name: 'Geist', data: bold, weight: 700, style: 'normal' },
  ]);
  return fonts;
}

// The app's colours (app/globals.css).
const BRAND_700 = '#154273';
const BRAND_800 = '#0f3157';
const ACCENT_400 = '#ffb612';
const INK = '#1a1a1a';
const MUTED = '#4b5563';

/**
 * The preview image of a page as PNG bytes (1200×630): the site's name in a
 * blue band with the yellow accent line, the kind of page, its title and an
 * optional line below, and the site's host. `card` must come from ogCard()
 * (lib/og/text.ts), which keeps to characters the font can draw.
 */
export async function renderOgPng(card: OgCard, host: string): Promise<Uint8Array> {
  const response = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily: 'Geist' }}>
        <div style={{ display: 'flex', alignItems: 'center', height: 116, padding: '0 64px', background: BRAND_700, color: '#ffffff', fontSize: 34, fontWeight: 700 }}>
          {SITE_NAME}
        </div>
        <div style={{ display: 'flex', height: 14, background: ACCENT_400 }} />
        <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '52px 64px 0' }}>
          {card.eyebrow ? <div style={{ display: 'flex', fontSize: 30, color: MUTED, textTransform: 'uppercase', letterSpacing: 2 }}>{card.eyebrow}</div> : null}
          <div style={{ display: 'flex', marginTop: 18, fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.15, color: BRAND_800 }}>{card.title}</div>
          {card.subtitle ? <div style={{ display: 'flex', marginTop: 26, fontSize: 38, color: INK }}>{card.subtitle}</div> : null}
        </div>
        <div style={{ display: 'flex', padding: '0 64px 40px', fontSize: 26, color: MUTED }}>{host}</div>
      </div>
    ),
    { width: OG_WIDTH, height: OG_HEIGHT, fonts: await loadFonts() },
  );
  return new Uint8Array(await response.arrayBuffer());
}
