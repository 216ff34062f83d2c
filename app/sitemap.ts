import type { MetadataRoute } from 'next';
import { getCatalog } from '@/lib/content';
import { contentDate } from '@/lib/content/content-date';
import { firstDayOf } from '@/lib/content/days';
import { contentRoutes } from '@/lib/content/routes';
import { siteUrl } from '@/lib/site';

// Per request: APP_URL (the absolute addresses) is set where the app runs, not where it was built.
export const dynamic = 'force-dynamic';

/** The content pages, with the date of the content as their last change. Never plan or region pages. */
export default function sitemap(): MetadataRoute.Sitemap {
  const c = getCatalog();
  const date = contentDate(c);
  const base = siteUrl();
  return contentRoutes(c).map((path) => ({
    url: new URL(path, base).toString(),
    ...(date ? { lastModified: firstDayOf(date) } : {}),
  }));
}
