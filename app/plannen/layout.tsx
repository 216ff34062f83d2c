import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

// Plans are shared by capability links, not published: keep every plan page
// out of search engines (next.config.ts also sends X-Robots-Tag and
// Referrer-Policy: strict-origin for /plannen).
export const metadata: Metadata = { robots: { index: false, follow: false } };

// Rendered per request: these pages show user-entered data and keep the nonce
// Content-Security-Policy (proxy.ts), and Next.js can put the nonce on its
// scripts only while rendering.
export default async function PlansLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
