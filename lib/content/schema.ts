import { z } from 'zod';

/**
 * The content model. Every file in content/ is parsed with one of these
 * schemas (see lib/content/files.ts for which file uses which). Objects are
 * strict so that a misspelt field fails instead of being silently ignored.
 * Cross-references between files are checked in lib/content/validate.ts.
 */

const text = z.string().trim().min(1, 'mag niet leeg zijn');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'alleen kleine letters, cijfers en koppeltekens (bijv. "nu-niet-zwanger")');
const ref = slug; // a reference to another item's slug/id; existence is checked in validate.ts
const refs = z.array(ref).default([]);

/** A date as precise as the source gives it: "2020", "2020-12" or "2020-12-01". */
export const peildatumSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD');

/** Who pays. Fixed by the domain (the funding-plan issue groups money by these). */
export const betalerSchema = z.enum(['gemeente', 'zorgverzekeraar', 'provincie', 'rijk', 'fonds']);
export type Betaler = z.infer<typeof betalerSchema>;

/**
 * A citation: which source document (file name in shared/reference/, listed in
 * content/documenten.yaml), where in it, and as of when the fact holds.
 */
export const citationSchema = z.strictObject({
  document: text,
  plek: text.optional(),
  /** The state of the document this citation relies on (not when the cited fact holds: see feitSchema). */
  peildatum: peildatumSchema.optional(),
  /** For facts taken from aanvullende-feiten.md: the public source named there. */
  oorspronkelijkeBron: text.optional(),
  /** For facts from public pages (actuele-feiten-2026.md gives one or more per fact): the page addresses. */
  urls: z.array(z.url({ protocol: /^https?$/, error: 'geen geldig webadres (http of https)' })).min(1).optional(),
});
export type Citation = z.infer<typeof citationSchema>;
const bron = z.array(citationSchema).min(1, 'noem minstens één brondocument');

/**
 * How certain a fact is, in the three labels of actuele-feiten-2026.md:
 * autoriteit (a document of the responsible body: Staatscourant, Kamerbrief,
 * ministry, RIVM, VNG, the programme's own manager), gemeente-nieuws (a
 * municipality, trade press, an adviser or a provider), afgeleid (our own
 * conclusion from the sources; never shown as fact without that label).
 */
export const zekerheidSchema = z.enum(['autoriteit', 'gemeente-nieuws', 'afgeleid']);
export type Zekerheid = z.infer<typeof zekerheidSchema>;

/**
 * A dated fact (an amount, a tariff, a date) exactly as the source gives it.
 * `waarde` is display text ("€ 4,20 per uur"); `bedrag` is whole euros when the
 * fact is one amount of money, so it can be formatted and compared.
 */
export const feitSchema = z.strictObject({
  omschrijving: text,
  waarde: text,
  bedrag: z.number().int().nonnegative().optional(),
  /** The year an amount applies to ("budget for 2026"), which may differ from the peildatum. */
  jaar: z.number().int().min(2000).max(2100).optional(),
  /**
   * The date on which the fact holds: a 2019 tariff has peildatum "2019", even
   * when it was collected in 2025. For a fact that was searched for and not
   * found, the date of the search. Never in the future (validate.ts).
   */
  peildatum: peildatumSchema,
  /** Required unless nietGevonden (validate.ts): a fact that was not found has no certainty to give. */
  zekerheid: zekerheidSchema.optional(),
  /** Nuance on the certainty: sources disagree, "Check!" in the source, … */
  zekerheidToelichting: text.optional(),
  /**
   * The fact was searched for and not found (actuele-feiten-2026.md's "niet
   * gevonden"): shown as an open question, never as an amount.
   */
  nietGevonden: z.boolean().default(false),
  bron: bron,
});
export type Feit = z.infer<typeof feitSchema>;

/** Marks content that is our reading of the sources, not what they literally say. */
const interpretatie = text.optional();

/**
 * When a document was written, as precisely as we know it. `exact`: the date
 * the document gives; `circa`: about then; `uiterlijk`: undated, but from no
 * later than `datum` by its own text; `periode`: covers `datum` to `tot`.
 */
export const dateringSchema = z
  .strictObject({
    soort: z.enum(['exact', 'circa', 'uiterlijk', 'periode']),
    datum: peildatumSchema,
    tot: peildatumSchema.optional(),
    /** How we know, in a sentence (shown with the date). */
    toelichting: text.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.soort === 'periode' && !d.tot) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'een periode heeft een einddatum (tot)' });
    if (d.soort !== 'periode' && d.tot) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'alleen een periode heeft "tot"' });
    if (d.soort !== 'exact' && !d.toelichting) {
      ctx.addIssue({ code: 'custom', path: ['toelichting'], message: 'zeg waarop de datering berust' });
    }
  });
export type Datering = z.infer<typeof dateringSchema>;

export const documentSchema = z.strictObject({
  bestand: text,
  titel: text,
  uitgever: text.optional(),
  datering: dateringSchema,
  omschrijving: text,
});

export const wetSchema = z.strictObject({
  slug,
  naam: text,
  korteNaam: text,
  /** "Integraal gemeentelijk beleid" runs across all levels in the original matrix. */
  dwarsdoorsnijdend: z.boolean().default(false),
  betalers: z.array(betalerSchema).min(1),
  omschrijving: text,
  gesprekspartners: refs,
  interpretatie,
  bron,
});

export const niveauSchema = z.strictObject({
  slug,
  naam: text,
  definitie: text,
  toelichting: text.optional(),
  interpretatie,
  bron,
});

export const faseSchema = z.strictObject({
  slug,
  naam: text,
  omschrijving: text,
  interpretatie,
  bron,
});

export const taakSchema = z.strictObject({
  id: slug,
  wet: ref,
  titel: text,
  omschrijving: text.optional(),
  niveaus: z.array(ref).min(1, 'wijs de taak toe aan minstens één preventieniveau'),
  /** One line: why these levels. Always an interpretation (the original shows it only by layout). */
  niveauToelichting: text,
  fasen: z.array(ref).min(1),
  betalers: z.array(betalerSchema).min(1),
  interpretatie,
  bron,
});

export const gesprekspartnerSchema = z.strictObject({
  id: slug,
  naam: text,
  kant: z.enum(['zorgverzekeraar', 'gemeente']),
  soort: z.enum(['hoofdpartij', 'intern', 'partner']),
  omschrijving: text.optional(),
  interpretatie,
  bron,
});

export const kostensoortSchema = z.strictObject({
  slug,
  naam: text,
  definitie: text,
  voorbeelden: z.array(text).default([]),
  bron,
});

export const financieringsvormSchema = z.strictObject({
  slug,
  naam: text,
  looptijd: z.enum(['tijdelijk', 'structureel']),
  definitie: text,
  /** What else the sources say about this form (e.g. the programme's "werkwijze duurzame borging"). */
  toelichting: text.optional(),
  bron,
});

/**
 * A bound of a funding source's validity: a date, `open` (no such bound: a
 * standing task or budget), or `onbekend` (we do not know: a value, not a
 * missing field).
 */
const grens = z
  .string()
  .refine((v) => v === 'open' || v === 'onbekend' || peildatumSchema.safeParse(v).success, {
    error: 'gebruik een datum (JJJJ, JJJJ-MM of JJJJ-MM-DD), "open" of "onbekend"',
  });

/**
 * When a funding source can pay. `tot` is the last day (a year or month means
 * its end). With `tot: onbekend`, `bekendTot` is the last date for which a
 * source shows it ran ("onbekend na 31 december 2026"). `opvolger` names the
 * source that takes over, when one is known.
 */
export const geldigheidSchema = z
  .strictObject({
    vanaf: grens,
    tot: grens,
    bekendTot: peildatumSchema.optional(),
    opvolger: ref.optional(),
    toelichting: text,
    bron,
  })
  .superRefine((g, ctx) => {
    if (g.bekendTot && g.tot !== 'onbekend' && grens.safeParse(g.tot).success) {
      ctx.addIssue({ code: 'custom', path: ['bekendTot'], message: 'bekendTot hoort alleen bij tot: onbekend' });
    }
  });
export type Geldigheid = z.infer<typeof geldigheidSchema>;

export const financieringsbronSchema = z.strictObject({
  slug,
  naam: text,
  betaler: betalerSchema,
  omschrijving: text,
  wetten: z.array(ref).min(1),
  niveaus: z.array(ref).min(1),
  /** 'onbekend' when the sources give no period and we do not guess one. */
  looptijd: z.enum(['tijdelijk', 'structureel', 'beide', 'onbekend']),
  geldigheid: geldigheidSchema,
  kostensoorten: z.array(ref).min(1),
  voorwaarden: z.array(text).default([]),
  kanttekeningen: z.array(text).default([]),
  feiten: z.array(feitSchema).default([]),
  gesprekspartners: refs,
  interpretatie,
  bron,
});

/**
 * The main route to money for an intervention: the law, prevention level and
 * payer the sources point to first, with the funding sources of that route
 * (a subset of the intervention's own, checked in validate.ts) and conditions
 * that hold for it. When the sources name no route, `nietGevonden: true` says
 * so plainly (with why in `toelichting`) instead of a guessed route: like a
 * fact that was not found, it is a value, not a gap.
 */
export const hoofdrouteSchema = z
  .strictObject({
    nietGevonden: z.boolean().default(false),
    wet: ref.optional(),
    niveau: ref.optional(),
    betaler: betalerSchema.optional(),
    financieringsbronnen: refs,
    /** What the sources say about this route, in a sentence or two. */
    toelichting: text,
    /** Conditions for this route that the sources give (the funding sources' own voorwaarden are shown too). */
    voorwaarden: z.array(text).default([]),
    interpretatie,
    bron,
  })
  .superRefine((h, ctx) => {
    const fields = ['wet', 'niveau', 'betaler'] as const;
    if (h.nietGevonden) {
      for (const f of fields) {
        if (h[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'een route die niet gevonden is, heeft geen wet, niveau of betaler' });
      }
      if (h.financieringsbronnen.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['financieringsbronnen'], message: 'een route die niet gevonden is, heeft geen financieringsbronnen' });
      }
    } else {
      for (const f of fields) {
        if (h[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: `noem de ${f} van de hoofdroute, of zet nietGevonden: true` });
      }
    }
  });
export type Hoofdroute = z.infer<typeof hoofdrouteSchema>;

export const interventieSchema = z.strictObject({
  slug,
  naam: text,
  omschrijving: text,
  wetten: z.array(ref).min(1),
  niveaus: z.array(ref).min(1),
  fasen: z.array(ref).min(1),
  financieringsbronnen: refs,
  /** What the sources say about paying for it (e.g. MKBA's, tariffs). */
  financiering: text,
  /** Required: every intervention page opens with its answer block (lib/content/answers.ts). */
  hoofdroute: hoofdrouteSchema,
  feiten: z.array(feitSchema).default([]),
  interpretatie,
  bron,
});

export const knelpuntSchema = z.strictObject({
  slug,
  /** Number in the 2020 document, e.g. "1.3". */
  nummer: text,
  thema: z.enum(['drempels-voor-kwetsbare-gezinnen', 'interventies', 'kwaliteit-van-zorg', 'samenwerkingsverbanden']),
  titel: text,
  probleem: text,
  oplossingen: z.array(text).min(1),
  acties: z.array(text).default([]),
  wetten: refs,
  niveaus: refs,
  fasen: refs,
  financieringsbronnen: refs,
  interventies: refs,
  feiten: z.array(feitSchema).default([]),
  interpretatie,
  bron,
});

export const cellRefSchema = z.strictObject({
  wet: ref,
  niveau: ref,
  toelichting: text,
});

export const voorbeeldSchema = z.strictObject({
  slug,
  naam: text,
  plaats: text,
  schaal: z.enum(['lokaal', 'regionaal']),
  /** Member municipalities, where the sources name them. */
  gemeenten: z.array(text).default([]),
  samenvatting: text,
  verhaal: z.array(text).min(1),
  succesfactoren: z.array(text).default([]),
  financieringsmix: z
    .array(
      z.strictObject({
        financieringsbron: ref,
        financieringsvorm: ref.optional(),
        toelichting: text,
      }),
    )
    .min(1),
  cellen: z.array(cellRefSchema).min(1),
  interventies: refs,
  interpretatie,
  bron,
});

export const vraagSchema = z.strictObject({
  id: slug,
  vraag: text,
  toelichting: text,
  bron,
});

/**
 * /actueel: a change since the wegwijzer that matters for planning 2027 and
 * later (`wijziging`, dated, with its certainty), or a question the sources
 * leave open (`open-vraag`, said plainly, never guessed at).
 */
export const actueelSchema = z
  .strictObject({
    id: slug,
    soort: z.enum(['wijziging', 'open-vraag']),
    titel: text,
    /** When the change happened or holds; for an open question, when we last looked. */
    datum: peildatumSchema,
    tekst: text,
    zekerheid: zekerheidSchema.optional(),
    financieringsbronnen: refs,
    bron,
  })
  .superRefine((a, ctx) => {
    if (a.soort === 'wijziging' && !a.zekerheid) {
      ctx.addIssue({ code: 'custom', path: ['zekerheid'], message: 'een wijziging heeft een zekerheid (autoriteit, gemeente-nieuws of afgeleid)' });
    }
  });

/**
 * Domain text that pages show around the content (the dated notices, the
 * division rule behind "Wie betaalt?"), so that no component holds domain
 * text of its own. `documenten` lists what the page is based on; their
 * datering is shown with the text.
 */
export const tekstSchema = z.strictObject({
  id: slug,
  titel: text.optional(),
  tekst: text,
  documenten: z.array(text).default([]),
  interpretatie,
  bron,
});

/**
 * Inline text of the site's own pages (colofon, privacy, toegankelijkheid) and
 * the footer: plain text with links written as `[tekst](/pad)` or
 * `[tekst](https://…)` and placeholders for what the deployment configures
 * (lib/site.ts): `{eigenaar}`, `{contact}`, `{inhoudsdatum}`. Anything else in
 * braces or brackets is refused, so a typo never reaches a page as raw syntax.
 */
export const SITE_PLACEHOLDERS = ['eigenaar', 'contact', 'inhoudsdatum'] as const;
export type SitePlaceholder = (typeof SITE_PLACEHOLDERS)[number];
/** `[text](href)`: the only link syntax; href is a path on this site or an https address. */
export const INLINE_LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const INLINE_HREF = /^(\/[a-z0-9\-/#]*|https:\/\/[^\s]+)$/;

const siteText = text.superRefine((value, ctx) => {
  for (const m of value.matchAll(INLINE_LINK)) {
    const href = m[2] ?? '';
    if (!INLINE_HREF.test(href)) ctx.addIssue({ code: 'custom', message: `link "${href}": gebruik een pad van deze site (/privacy) of een https-adres` });
  }
  const withoutLinks = value.replace(INLINE_LINK, '$1');
  for (const m of withoutLinks.matchAll(/\{([^}]*)\}/g)) {
    if (!(SITE_PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')) {
      ctx.addIssue({ code: 'custom', message: `onbekende invulplek "{${m[1]}}"; bekend zijn ${SITE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
    }
  }
  if (/[[\]]/.test(withoutLinks)) ctx.addIssue({ code: 'custom', message: 'losse [ of ]: schrijf een link als [tekst](/pad)' });
});

/**
 * A page about the site itself (`/<id>`): colofon, privacy, the accessibility
 * statement. `datum` is when the text was last checked against the app (shown
 * on the page; never in the future).
 */
export const paginaSchema = z.strictObject({
  id: slug,
  titel: text,
  /** The page's meta description (search results, link previews). */
  beschrijving: text,
  intro: siteText.optional(),
  datum: peildatumSchema,
  secties: z
    .array(
      z.strictObject({
        id: slug,
        kop: text,
        alineas: z.array(siteText).default([]),
        lijst: z.array(siteText).default([]),
      }),
    )
    .min(1, 'een pagina heeft minstens één sectie'),
});

/** Short texts around every page (the footer) and the honest fallbacks when the deployment sets no owner or contact. */
export const siteTekstSchema = z.strictObject({
  id: slug,
  tekst: siteText,
});

export type Document = z.infer<typeof documentSchema>;
export type Actueel = z.infer<typeof actueelSchema>;
export type Tekst = z.infer<typeof tekstSchema>;
export type Wet = z.infer<typeof wetSchema>;
export type Niveau = z.infer<typeof niveauSchema>;
export type Fase = z.infer<typeof faseSchema>;
export type Taak = z.infer<typeof taakSchema>;
export type Gesprekspartner = z.infer<typeof gesprekspartnerSchema>;
export type Kostensoort = z.infer<typeof kostensoortSchema>;
export type Financieringsvorm = z.infer<typeof financieringsvormSchema>;
export type Financieringsbron = z.infer<typeof financieringsbronSchema>;
export type Interventie = z.infer<typeof interventieSchema>;
export type Knelpunt = z.infer<typeof knelpuntSchema>;
export type Voorbeeld = z.infer<typeof voorbeeldSchema>;
export type Vraag = z.infer<typeof vraagSchema>;
export type Pagina = z.infer<typeof paginaSchema>;
export type SiteTekst = z.infer<typeof siteTekstSchema>;
