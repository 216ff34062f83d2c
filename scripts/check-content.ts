// `npm run content:check`: parses and cross-checks content/, printing every
// problem with its file and field. Runs before `next build` too.
import path from 'node:path';
import { ContentError } from '../lib/content/errors';
import { loadContentDir } from '../lib/content/parse';
import { contentFiles } from '../lib/content/files';

const dir = path.resolve(process.argv[2] ?? 'content');
try {
  const content = loadContentDir(dir);
  const counts = (Object.keys(contentFiles) as (keyof typeof contentFiles)[]).map((k) => `${k}: ${content[k].length}`);
  console.log(`Inhoud in orde (${path.relative(process.cwd(), dir) || '.'}). ${counts.join(', ')}`);
} catch (err) {
  if (err instanceof ContentError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
