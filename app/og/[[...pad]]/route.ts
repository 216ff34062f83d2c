import type { NextRequest } from 'next/server';
import { getCatalog } from '@/lib/content';
import { describePath } from '@/lib/content/page-titles';
import { renderOgPng } from '@/lib/og/render';
import { ogCard, planCard, regionCard, type OgCard } from '@/lib/og/text';
import { getPlanCard } from '@/lib/plans/repository';
import { getRegionCard } from '@/lib/regions/repository';
import { siteUrl } from '@/lib/site';

/**
 * Preview images (Open Graph / Twitter card, 1200×630 PNG): `/og<path>?<query>`
 * is the image of the page at `<path>?<query>` (lib/site.ts ogImagePath). The
 * text comes from the page's own title builder (lib/content/page-titles.ts)
 * or, for a plan or region, from its name alone, never from the URL, so
 * nobody can make an image on our host say something of their own. Drawn on
 * the server with Next's ImageResponse and fonts read from disk: no network.
 *
 * One route for all pages (rather than an opengraph-image file per route
 * group) because the wegwijzer's and the answer sheet's titles depend on the
 * query, which metadata image files do not receive.
 */

// Content changes only with a deploy, so a content image is drawn once per
// server process and kept (a few hundred at ~40 KB; search queries are free
// text, so the oldest entry goes when the memo is full).
const MEMO_MAX = 300;
const memo = new Map<string, Uint8Array>();

const CONTENT_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';
// Plan and region names change with a save and belong to whoever has the link: browsers and
// the preview services may keep them briefly, shared caches not at all.
const PRIVATE_CACHE = 'private, max-age=300';

const HOME_CARD: OgCard = { eyebrow: '', title: 'Vind en combineer de financiering van uw aanpak Kansrijke Start' };

function png(bytes: Uint8Array, cacheControl: string, extra: Record<string, string> = {}): Response {
  return new Response(Buffer.from(bytes), {
    headers: { 'Content-Type': 'image/png', 'Content-Length': String(bytes.byteLength), 'Cache-Control': cacheControl, ...extra },
  });
}

const host = () => siteUrl().host;

export async function GET(request: NextRequest, { params }: { params: Promise<{ pad?: string[] }> }): Promise<Response> {
  const pad = (await params).pad ?? [];
  const [section, id, ...rest] = pad;

  if ((section === 'plannen' || section === 'regio') && id && rest.length === 0) {
    const card = section === 'plannen' ? await getPlanCard(id).then((p) => p && planCard(p)) : await getRegionCard(id).then((r) => r && regionCard(r));
    if (!card) return new Response('Niet gevonden', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    // Like the plan pages themselves (next.config.ts): not indexed, and the id (the read link) never sent on.
    return png(await renderOgPng(card, host()), PRIVATE_CACHE, { 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' });
  }

  const page = describePath(getCatalog(), `/${pad.join('/')}`, request.nextUrl.searchParams);
  // The home page and any path without a text of its own (a new page, a typo) get the site's card.
  const key = page?.path ?? '(site)';
  let bytes = memo.get(key);
  if (!bytes) {
    const card = page && page.path !== '/' ? ogCard({ eyebrow: page.section, title: page.title }) : HOME_CARD;
    bytes = await renderOgPng(card, host());
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value ?? '');
    memo.set(key, bytes);
  }
  return png(bytes, CONTENT_CACHE);
}
