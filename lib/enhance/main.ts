/**
 * The one script of the content pages (`public/enhance.js`, built from this
 * file by scripts/build-enhance.mjs; loaded by app/(inhoud)/layout.tsx).
 * Content pages are served without Next's scripts (scripts/content-pages.cjs):
 * they work without JavaScript, and this adds what only JavaScript can do.
 */
import { installCopyLinks } from './copy-links';
import { installSelectionFocus } from './selection-focus';

installCopyLinks();
installSelectionFocus();
