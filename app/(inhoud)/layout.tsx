import type { ReactNode } from 'react';

/**
 * The content pages (a route group: the URLs have no "inhoud"). They share the
 * root layout with the plan and region pages but not its scripts: in
 * production they are served without Next's scripts (scripts/content-pages.cjs),
 * and this one small script of our own (lib/enhance/main.ts) adds what they do
 * with JavaScript: the "Kopieer link" buttons and the wegwijzer's focus move.
 *
 * `async`, so React puts it in the <head> and loads it also when a client
 * navigation renders a content page (under the plan pages' nonce policy,
 * 'strict-dynamic' allows a script React inserts).
 */
export default function ContentLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <script src="/enhance.js" async />
      {children}
    </>
  );
}
