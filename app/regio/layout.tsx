import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Regional plans are shared by capability links, like funding plans: never
// indexed (next.config.ts also sends X-Robots-Tag and Referrer-Policy: strict-origin).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function RegionLayout({ children }: { children: ReactNode }) {
  return children;
}
