// Builds the content pages' one script, `public/enhance.js` (git-ignored),
// from lib/enhance/main.ts: bundled and minified with esbuild. Run by
// `npm run build` and `npm run dev` before Next; the content layout
// (app/(inhoud)/layout.tsx) loads it. Content pages are served without Next's
// scripts (scripts/content-pages.cjs), so this is all the JavaScript they run.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['lib/enhance/main.ts'],
  outfile: 'public/enhance.js',
  bundle: true,
  minify: true,
  format: 'iife',
  // The browsers Next 16 supports (its browserslist default: Chrome 111, Edge 111, Firefox 111, Safari 16.4).
  target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
  alias: { '@': root },
  legalComments: 'none',
  logLevel: 'warning',
});
