import { SitePage, sitePageMetadata } from '@/components/site-page';

export const metadata = sitePageMetadata('privacy');

export default function PrivacyPage() {
  return <SitePage id="privacy" />;
}
