import { describe, expect, it } from 'vitest';
import { answerFor, answerSheetHref, parseChoice, planYearOf, sharedAcross } from '@/lib/content/answers';
import { crossReferenceProblems } from '@/lib/content/validate';
import { parseCollection } from '@/lib/content/parse';
import { cloneContent, realCatalog } from './support/content';

const c = realCatalog();
const TODAY = '2026-12-02';
const known = new Set(c.interventies.map((i) => i.slug));
const answer = (slug: string, today = TODAY) => answerFor(c, c.by.interventies.get(slug)!, today);

describe('answerFor', () => {
  it('gives VoorZorg one main route: Wpg, selectief, gemeente, with its source first and the rest as other routes', () => {
    const a = answer('voorzorg');
    expect(a.main.found).toBe(true);
    if (!a.main.found) return;
    expect([a.main.wet.slug, a.main.niveau.slug, a.main.betaler]).toEqual(['wpg', 'selectief', 'gemeente']);
    expect(a.main.sources.map((b) => b.slug)).toEqual(['wpg-budget']);
    expect(a.main.interpretatie).toMatch(/onze lezing/);
    expect(a.otherSources.map((b) => b.slug)).not.toContain('wpg-budget');
    expect(a.otherSources).toHaveLength(c.by.interventies.get('voorzorg')!.financieringsbronnen.length - 1);
  });

  it('names whom to talk to, each with the law or source that links them', () => {
    const a = answer('voorzorg');
    const jgz = a.partners.find((p) => p.partner.id === 'publieke-gezondheid');
    expect(jgz?.via).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'bron', slug: 'wpg-budget', href: '/bronnen/wpg-budget' })]));
    expect(a.partners.some((p) => p.via.some((v) => v.kind === 'wet' && v.slug === 'wpg'))).toBe(true);
    // No partner listed twice.
    expect(new Set(a.partners.map((p) => p.partner.id)).size).toBe(a.partners.length);
  });

  it('warns for the plan year (2027) about sources that end or are uncertain, main route first', () => {
    expect(planYearOf(TODAY)).toBe(2027);
    const a = answer('voorzorg');
    expect(a.planYear).toBe(2027);
    const spuk = a.warnings.find((w) => w.source.slug === 'spuk-kansrijke-start');
    expect(spuk?.text).toMatch(/loopt af op 31 december 2026/);
    expect(spuk?.main).toBe(false);
    // The standing Wpg budget does not warn.
    expect(a.warnings.map((w) => w.source.slug)).not.toContain('wpg-budget');
    // Nu Niet Zwanger's main route (incidental national money) is uncertain after 2025 and comes first.
    const nnz = answer('nu-niet-zwanger');
    expect(nnz.warnings[0]?.source.slug).toBe('incidentele-gelden-nu-niet-zwanger');
    expect(nnz.warnings[0]?.main).toBe(true);
    expect(nnz.warnings[0]?.text).toMatch(/onzeker/);
  });

  it('uses the tense of the day: the SPUK "loopt af" before its end and "liep af" after it', () => {
    expect(answer('voorzorg', '2026-12-02').warnings.find((w) => w.source.slug === 'spuk-kansrijke-start')?.text).toMatch(/loopt af/);
    expect(answer('voorzorg', '2027-01-05').warnings.find((w) => w.source.slug === 'spuk-kansrijke-start')?.text).toMatch(/liep af/);
  });

  it('lists the conditions of the main route with where they come from', () => {
    const cepr = answer('centering-pregnancy');
    expect(cepr.main.found && cepr.main.betaler).toBe('zorgverzekeraar');
    expect(cepr.conditions.map((k) => k.from)).toContain('Toeslag groepszorg in de zwangerschap (Zvw)');
    expect(cepr.conditions.some((k) => /KNOV/.test(k.text))).toBe(true);
    const phb = answer('prenataal-huisbezoek');
    expect(phb.conditions.some((k) => k.from === 'hoofdroute' && /niet geoormerkt/.test(k.text))).toBe(true);
  });

  it('says plainly when the sources name no route, and then has no conditions', () => {
    const a = answer('baby-connect');
    expect(a.main.found).toBe(false);
    expect(a.main.toelichting).toMatch(/zeggen niets over de financiering/);
    expect(a.conditions).toEqual([]);
    expect(a.partners.length).toBeGreaterThan(0);
  });

  it('every intervention in the content has an answer with a route or an explicit "not found", and cited', () => {
    for (const i of c.interventies) {
      const a = answerFor(c, i, TODAY);
      expect(a.main.bron.length, i.slug).toBeGreaterThan(0);
      if (a.main.found) expect(i.wetten, i.slug).toContain(a.main.wet.slug);
    }
  });
});

describe('the main route in the content check', () => {
  it('refuses an intervention without a main route', () => {
    const yaml = `- slug: a\n  naam: A\n  omschrijving: x\n  wetten: [wpg]\n  niveaus: [universeel]\n  fasen: [na-de-geboorte]\n  financiering: x\n  bron:\n    - document: d.md\n`;
    expect(parseCollection('interventies', yaml).problems.map((p) => p.path)).toEqual(['[0] (slug: a).hoofdroute']);
  });

  it('refuses a route that is half filled in, or "not found" with a law', () => {
    const base = `- slug: a\n  naam: A\n  omschrijving: x\n  wetten: [wpg]\n  niveaus: [universeel]\n  fasen: [na-de-geboorte]\n  financiering: x\n  bron:\n    - document: d.md\n  hoofdroute:\n    toelichting: x\n    bron:\n      - document: d.md\n`;
    expect(parseCollection('interventies', `${base}    wet: wpg\n`).problems.map((p) => p.path)).toEqual([
      '[0] (slug: a).hoofdroute.niveau',
      '[0] (slug: a).hoofdroute.betaler',
    ]);
    expect(parseCollection('interventies', `${base}    nietGevonden: true\n    wet: wpg\n`).problems.map((p) => p.path)).toEqual(['[0] (slug: a).hoofdroute.wet']);
  });

  it('refuses a main route outside the intervention’s own laws, levels and sources, or with the wrong payer', () => {
    const content = cloneContent();
    const v = content.interventies.find((i) => i.slug === 'voorzorg')!;
    v.hoofdroute.wet = 'participatiewet';
    v.hoofdroute.niveau = 'universeel';
    v.hoofdroute.financieringsbronnen = ['wpg-budget', 'zvw-basisverzekering'];
    v.hoofdroute.betaler = 'provincie';
    const problems = crossReferenceProblems(content, new Set(), TODAY).filter((p) => p.path.includes('(voorzorg).hoofdroute'));
    expect(problems.map((p) => p.path.replace(/^.*hoofdroute/, 'hoofdroute'))).toEqual([
      'hoofdroute.wet',
      'hoofdroute.niveau',
      'hoofdroute.financieringsbronnen[1]',
      'hoofdroute.betaler',
    ]);
    v.hoofdroute.financieringsbronnen = ['geldboom'];
    expect(crossReferenceProblems(content, new Set(), TODAY).some((p) => p.path.endsWith('hoofdroute.financieringsbronnen[0]') && p.message.includes('onbekende verwijzing'))).toBe(true);
  });
});

describe('parseChoice', () => {
  it('reads a shared link and a plain checkbox form alike', () => {
    const fromLink = parseChoice('voorzorg,prenataal-huisbezoek', known);
    const fromForm = parseChoice(['voorzorg', 'prenataal-huisbezoek'], known);
    expect(fromLink).toEqual({ slugs: ['voorzorg', 'prenataal-huisbezoek'], unknown: [], query: 'kies=voorzorg,prenataal-huisbezoek', changed: false });
    expect(fromForm.slugs).toEqual(fromLink.slugs);
    expect(fromForm.query).toBe(fromLink.query);
    // The form's "kies=a&kies=b" is redirected to the canonical "kies=a,b".
    expect(fromForm.changed).toBe(true);
  });

  it('forgives case, spaces and duplicates, and canonicalises them', () => {
    const p = parseChoice([' VoorZorg , voorzorg', 'Baby-Connect,'], known);
    expect(p.slugs).toEqual(['voorzorg', 'baby-connect']);
    expect(p.query).toBe('kies=voorzorg,baby-connect');
    expect(p.changed).toBe(true);
  });

  it('keeps unknown values to report them, encoded in the canonical link, and never as slugs', () => {
    const p = parseChoice('voorzorg,<script>,geldboom', known);
    expect(p.slugs).toEqual(['voorzorg']);
    expect(p.unknown).toEqual(['<script>', 'geldboom']);
    expect(p.query).toBe('kies=voorzorg,%3Cscript%3E,geldboom');
    // Parsing the canonical link again gives the same link (no redirect loop).
    const again = parseChoice(decodeURIComponent(p.query.slice('kies='.length)), known);
    expect(again.query).toBe(p.query);
  });

  it('treats an empty choice as none', () => {
    expect(parseChoice(undefined, known)).toEqual({ slugs: [], unknown: [], query: '', changed: false });
    expect(parseChoice('', known)).toMatchObject({ slugs: [], query: '', changed: true });
    expect(answerSheetHref([])).toBe('/interventies');
    expect(answerSheetHref(['voorzorg', 'stevig-ouderschap'])).toBe('/interventies?kies=voorzorg,stevig-ouderschap');
  });
});

describe('sharedAcross', () => {
  it('shows what VoorZorg and the prenatal home visit share: the Wpg and the municipality on both main routes', () => {
    const shared = sharedAcross([answer('voorzorg'), answer('prenataal-huisbezoek')]);
    const wpg = shared.find((s) => s.key === 'wet:wpg');
    expect(wpg?.by.map((b) => [b.slug, b.main])).toEqual([
      ['voorzorg', true],
      ['prenataal-huisbezoek', true],
    ]);
    expect(shared.find((s) => s.key === 'betaler:gemeente')?.naam).toBe('Gemeente');
    // wpg-budget is VoorZorg's main source and another route for the home visit.
    expect(shared.find((s) => s.key === 'bron:wpg-budget')?.by.map((b) => b.main)).toEqual([true, false]);
    expect(shared.some((s) => s.kind === 'gesprekspartner')).toBe(true);
    // Only what two or more share; laws first.
    for (const s of shared) expect(s.by.length).toBeGreaterThanOrEqual(2);
    expect(shared[0]?.kind).toBe('wet');
  });

  it('finds nothing shared with a single intervention', () => {
    expect(sharedAcross([answer('voorzorg')])).toEqual([]);
  });
});
