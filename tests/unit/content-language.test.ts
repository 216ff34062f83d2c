import { describe, expect, it } from 'vitest';
import { contentFiles, type CollectionName, type RawContent } from '@/lib/content/files';
import { idOf } from '@/lib/content/validate';
import { realContent } from './support/content';

/**
 * English words that slipped into user-visible content before (citation places
 * copied from the English fact table, mostly). Each is unambiguously English:
 * no Dutch word is spelt like this. Matched as whole words, case-insensitive.
 */
const ENGLISH = [
  'per hour',
  'process',
  'route of',
  'regulation',
  'division',
  'roles',
  'money',
  'until',
  'structural',
  'coalition agreement',
  'unverified',
  'source',
  'tariff',
  'providers',
  'by',
  'licence',
  'costs',
  'change',
  'the',
];

/**
 * Fields that are not text for the reader: ids, references to other items,
 * file names, enum values and dates. Everything else is shown somewhere.
 */
const NOT_TEXT = new Set([
  'slug',
  'id',
  'bestand',
  'document',
  'wet',
  'wetten',
  'niveau',
  'niveaus',
  'fasen',
  'kostensoorten',
  'financieringsbron',
  'financieringsbronnen',
  'financieringsvorm',
  'interventies',
  'gesprekspartners',
  'betaler',
  'betalers',
  'looptijd',
  'kant',
  'soort',
  'thema',
  'schaal',
  'peildatum',
  'datum',
]);

const patterns = ENGLISH.map((word) => ({
  word,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
}));

/** URLs and bare domain names ("kansrijkestartnl.nl/actueel") name a place, they are not prose. */
const withoutAddresses = (text: string) =>
  text.replace(/https?:\/\/\S+/g, ' ').replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:nl|eu|com|org|net)\b\S*/gi, ' ');

type Finding = { file: string; item: string; field: string; word: string; text: string };

/** Every user-visible string in the content that contains one of the English words. */
function englishIn(content: Partial<RawContent>): Finding[] {
  const findings: Finding[] = [];
  const walk = (value: unknown, file: string, item: string, field: string) => {
    if (typeof value === 'string') {
      const text = withoutAddresses(value);
      for (const { word, re } of patterns) {
        if (re.test(text)) findings.push({ file, item, field, word, text: value });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, file, item, `${field}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (NOT_TEXT.has(key)) continue;
        walk(v, file, item, field ? `${field}.${key}` : key);
      }
    }
  };
  for (const name of Object.keys(contentFiles) as CollectionName[]) {
    const items = (content[name] ?? []) as object[];
    items.forEach((item, i) => walk(item, contentFiles[name].file, `[${i}] (${idOf(item)})`, ''));
  }
  return findings;
}

const report = (findings: Finding[]) => findings.map((f) => `content/${f.file} › ${f.item}.${f.field}: "${f.word}" in "${f.text}"`);

describe('content language', () => {
  it('no user-visible content string contains a known English word', () => {
    expect(report(englishIn(realContent()))).toEqual([]);
  });

  it('names file, item and field of an English word, and skips ids, file names and URLs', () => {
    const findings = englishIn({
      financieringsbronnen: [
        {
          slug: 'the-source',
          bron: [
            { document: 'the-source-by-hour.md', plek: "Tabel, rij 'Eigen bijdrage per hour'", oorspronkelijkeBron: 'https://example.org/the/process ; ncj.nl/money' },
          ],
        },
      ],
      knelpunten: [{ slug: 'x', oplossingen: ['Geld tot 2026', 'Budget for the Process'] }],
    } as unknown as Partial<RawContent>);
    expect(report(findings)).toEqual([
      `content/financieringsbronnen.yaml › [0] (the-source).bron[0].plek: "per hour" in "Tabel, rij 'Eigen bijdrage per hour'"`,
      `content/knelpunten.yaml › [0] (x).oplossingen[1]: "process" in "Budget for the Process"`,
      `content/knelpunten.yaml › [0] (x).oplossingen[1]: "the" in "Budget for the Process"`,
    ]);
  });
});
