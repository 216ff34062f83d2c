import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Plans are shared by capability links, not published: keep every plan page
// out of search engines (next.config.ts also sends X-Robots-Tag and
// Referrer-Policy: strict-origin for /plannen).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function PlansLayout({ children }: { children: ReactNode }) {
  return children;
}
