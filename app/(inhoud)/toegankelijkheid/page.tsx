import { SitePage, sitePageMetadata } from '@/components/site-page';

export const metadata = sitePageMetadata('toegankelijkheid');

export default function ToegankelijkheidPage() {
  return <SitePage id="toegankelijkheid" />;
}
