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

  it('reports a peildatum in the future, with the field', () => {
    const c = cloneContent();
    const feit = c.financieringsbronnen.find((b) => b.feiten.length > 0)!.feiten[0]!;
    feit.peildatum = '2031-01';
    const problems = crossReferenceProblems(c, new Set(), '2026-12-02');
    expect(problems).toContainEqual({ file: 'financieringsbronnen.yaml', path: expect.stringMatching(/\.feiten\[0\]\.peildatum$/), message: expect.stringContaining('toekomst') });
    // The same month as today is not in the future.
    feit.peildatum = '2026-12';
    expect(crossReferenceProblems(c, new Set(), '2026-12-02')).toEqual([]);
  });

  it('reports a document dated in the future and a citation peildatum in the future', () => {
    const c = cloneContent();
    c.documenten[0]!.datering = { soort: 'exact', datum: '2027' };
    c.knelpunten[0]!.bron[0]!.peildatum = '2027-01-01';
    const paths = crossReferenceProblems(c, new Set(), '2026-12-02').map((p) => `${p.file} ${p.path}`);
    expect(paths).toContain(`documenten.yaml [0] (${c.documenten[0]!.bestand}).datering.datum`);
    expect(paths).toContain(`knelpunten.yaml [0] (${c.knelpunten[0]!.slug}).bron[0].peildatum`);
  });

  it('refuses a "niet gevonden" presented as an amount or as a fact', () => {
    const c = cloneContent();
    const notFound = c.financieringsbronnen.flatMap((b) => b.feiten).find((f) => f.nietGevonden)!;
    notFound.bedrag = 5;
    expect(crossReferenceProblems(c).some((p) => p.path.endsWith('.bedrag') && p.message.includes('niet gevonden'))).toBe(true);
    notFound.bedrag = undefined;
    notFound.nietGevonden = false;
    expect(crossReferenceProblems(c).some((p) => p.path.endsWith('.nietGevonden'))).toBe(true);
  });

  it('requires a certainty on every fact that was found', () => {
    const c = cloneContent();
    const found = c.interventies.flatMap((i) => i.feiten).find((f) => !f.nietGevonden)!;
    found.zekerheid = undefined;
    expect(crossReferenceProblems(c).some((p) => p.path.endsWith('.zekerheid'))).toBe(true);
  });

  it('reports an unknown successor of a funding source', () => {
    const c = cloneContent();
    c.financieringsbronnen[0]!.geldigheid.opvolger = 'verzonnen-regeling';
    expect(crossReferenceProblems(c).some((p) => p.path.endsWith('geldigheid.opvolger') && p.message.includes('verzonnen-regeling'))).toBe(true);
  });
});
