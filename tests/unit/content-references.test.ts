import { describe, expect, it } from 'vitest';
import { crossReferenceProblems } from '@/lib/content/validate';
import { cloneContent, realContent } from './support/content';

describe('content cross-references', () => {
  it('the real content has none dangling', () => {
    expect(crossReferenceProblems(realContent())).toEqual([]);
  });

  it('reports a task pointing at an unknown law, with file and field', () => {
    const c = cloneContent();
    const task = c.taken[0]!;
    task.wet = 'bestaat-niet';
    const problems = crossReferenceProblems(c);
    expect(problems).toContainEqual({
      file: 'taken.yaml',
      path: `[0] (${task.id}).wet`,
      message: expect.stringContaining('bestaat-niet'),
    });
  });

  it('reports an unknown source in an example’s funding mix', () => {
    const c = cloneContent();
    c.voorbeelden[0]!.financieringsmix[0]!.financieringsbron = 'geldboom';
    const problems = crossReferenceProblems(c);
    expect(problems.some((p) => p.file === 'voorbeelden.yaml' && p.path.endsWith('financieringsmix[0].financieringsbron'))).toBe(true);
  });

  it('reports duplicate ids and missing required items', () => {
    const c = cloneContent();
    c.interventies.push(structuredClone(c.interventies[0]!));
    c.niveaus = c.niveaus.filter((n) => n.slug !== 'selectief');
    const messages = crossReferenceProblems(c).map((p) => `${p.file}: ${p.message}`);
    expect(messages).toContain(`interventies.yaml: dubbele id "${c.interventies[0]!.slug}"`);
    expect(messages.some((m) => m.startsWith('niveaus.yaml') && m.includes('"selectief" ontbreekt'))).toBe(true);
  });

  it('reports a citation of a document that is not in documenten.yaml', () => {
    const c = cloneContent();
    c.knelpunten[0]!.bron[0]!.document = 'verzonnen.pdf';
    const problems = crossReferenceProblems(c);
    expect(problems.some((p) => p.file === 'knelpunten.yaml' && p.path.endsWith('bron[0].document') && p.message.includes('verzonnen.pdf'))).toBe(true);
  });

  it('reports a reference listed twice', () => {
    const c = cloneContent();
    const b = c.financieringsbronnen[0]!;
    b.niveaus = [b.niveaus[0]!, b.niveaus[0]!];
    expect(crossReferenceProblems(c).some((p) => p.message.includes('twee keer'))).toBe(true);
  });
});
