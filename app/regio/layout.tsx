import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

// Regional plans are shared by capability links, like funding plans: never
// indexed (next.config.ts also sends X-Robots-Tag and Referrer-Policy: strict-origin).
export const metadata: Metadata = { robots: { index: false, follow: false } };

// Rendered per request: these pages show user-entered data and keep the nonce
// Content-Security-Policy (proxy.ts), and Next.js can put the nonce on its
// scripts only while rendering.
export default async function RegionLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
