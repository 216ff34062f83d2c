import { describe, expect, it } from 'vitest';
import { contentDate } from '@/lib/content/content-date';
import { parseCollection } from '@/lib/content/parse';
import { contentRoutes } from '@/lib/content/routes';
import { crossReferenceProblems } from '@/lib/content/validate';
import { siteContactEmail, siteOwner } from '@/lib/site';
import { cloneContent, realContent } from './support/content';

const page = (tekst: string) =>
  `- id: colofon\n  titel: Colofon\n  beschrijving: Over de app\n  datum: "2026-12-01"\n  secties:\n    - id: a\n      kop: Kop\n      alineas:\n        - "${tekst}"\n`;

describe('site pages (content/paginas.yaml, content/site.yaml)', () => {
  it('the real content has the three pages, each with sections, and the footer texts', () => {
    const c = realContent();
    expect(c.paginas.map((p) => p.id).sort()).toEqual(['colofon', 'privacy', 'toegankelijkheid']);
    for (const p of c.paginas) expect(p.secties.length, p.id).toBeGreaterThan(0);
    expect(c.site.map((t) => t.id)).toEqual(expect.arrayContaining(['voettekst', 'eigenaar-onbekend', 'contact-onbekend']));
  });

  it('the accessibility statement names the standard and an honest status, and the privacy page what is stored', () => {
    const text = (id: string) => JSON.stringify(realContent().paginas.find((p) => p.id === id));
    expect(text('toegankelijkheid')).toContain('WCAG');
    expect(text('toegankelijkheid')).toContain('2.1');
    expect(text('toegankelijkheid')).toMatch(/voldoet gedeeltelijk/i);
    expect(text('toegankelijkheid')).toContain('{contact}');
    for (const word of ['cookies', 'localStorage', 'hash', '10 minuten', 'Mijn plannen', 'sessionStorage']) expect(text('privacy')).toContain(word);
  });

  it('accepts links to a path of the site or an https address, and known placeholders', () => {
    expect(parseCollection('paginas', page('Zie [Privacy](/privacy) en [NL Design System](https://nldesignsystem.nl/); {contact}, {eigenaar}, {inhoudsdatum}.')).problems).toEqual([]);
  });

  it('refuses an unknown placeholder, a javascript: or http: link and a stray bracket, naming the field', () => {
    const problems = (t: string) => parseCollection('paginas', page(t)).problems;
    expect(problems('Mail {email}')[0]).toMatchObject({ path: '[0] (id: colofon).secties[0].alineas[0]', message: expect.stringContaining('{email}') });
    expect(problems('[klik](javascript:alert(1))')[0]?.message).toMatch(/pad van deze site|https/);
    expect(problems('[oud](http://example.nl)')[0]?.message).toMatch(/https/);
    expect(problems('Zie [Privacy] hier')[0]?.message).toMatch(/losse \[/);
  });

  it('refuses a page in the future and reports a missing required page', () => {
    expect(parseCollection('paginas', page('x').replace('2026-12-01', '2099-01-01')).problems).toEqual([]);
    const content = cloneContent();
    content.paginas = content.paginas.filter((p) => p.id !== 'privacy');
    content.paginas[0] = { ...content.paginas[0]!, datum: '2099-01-01' };
    const problems = crossReferenceProblems(content, new Set(), '2026-12-02');
    expect(problems).toContainEqual({ file: 'paginas.yaml', path: '', message: expect.stringContaining('"privacy" ontbreekt') });
    expect(problems.some((p) => p.file === 'paginas.yaml' && p.path.endsWith('.datum') && /toekomst/.test(p.message))).toBe(true);
  });

  it('the content date is the newest document or change date', () => {
    const c = realContent();
    expect(contentDate(c)).toBe('2026-12-02');
    expect(
      contentDate({
        documenten: [{ ...c.documenten[0]!, datering: { soort: 'exact', datum: '2020-12' } }],
        actueel: [{ ...c.actueel[0]!, datum: '2021' }],
      }),
    ).toBe('2021');
    expect(contentDate({ documenten: [], actueel: [] })).toBeNull();
  });

  it('content routes list every law, source, intervention, knelpunt and example, and the site pages; no plan pages', () => {
    const c = realContent();
    const routes = contentRoutes(c);
    for (const w of c.wetten) expect(routes).toContain(`/wetten/${w.slug}`);
    for (const b of c.financieringsbronnen) expect(routes).toContain(`/bronnen/${b.slug}`);
    for (const i of c.interventies) expect(routes).toContain(`/interventies/${i.slug}`);
    for (const k of c.knelpunten) expect(routes).toContain(`/knelpunten/${k.slug}`);
    for (const v of c.voorbeelden) expect(routes).toContain(`/voorbeelden/${v.slug}`);
    expect(routes).toEqual(expect.arrayContaining(['/', '/wegwijzer', '/knelpunten', '/actueel', '/colofon', '/privacy', '/toegankelijkheid']));
    expect(routes.filter((r) => r.startsWith('/plannen') || r.startsWith('/regio') || r.startsWith('/api'))).toEqual([]);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('owner and contact come from the environment; a value that is not a plain address is not used', () => {
    expect(siteOwner({})).toBeNull();
    expect(siteOwner({ SITE_OWNER: '  ' })).toBeNull();
    expect(siteOwner({ SITE_OWNER: ' Gemeente Voorbeeld ' })).toBe('Gemeente Voorbeeld');
    expect(siteContactEmail({ SITE_CONTACT_EMAIL: 'wegwijzer@voorbeeld.nl' })).toBe('wegwijzer@voorbeeld.nl');
    expect(siteContactEmail({ SITE_CONTACT_EMAIL: 'a@b.nl?bcc=x@y.nl' })).toBeNull();
    expect(siteContactEmail({ SITE_CONTACT_EMAIL: 'Naam <a@b.nl>' })).toBeNull();
    expect(siteContactEmail({})).toBeNull();
  });
});
