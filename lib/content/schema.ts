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
  peildatum: peildatumSchema.optional(),
  /** For facts taken from aanvullende-feiten.md: the public source named there. */
  oorspronkelijkeBron: text.optional(),
});
export type Citation = z.infer<typeof citationSchema>;
const bron = z.array(citationSchema).min(1, 'noem minstens één brondocument');

/**
 * A dated fact (an amount, a tariff, a date) exactly as the source gives it.
 * `waarde` is display text ("€ 4,20 per uur"); `bedrag` is whole euros when the
 * fact is one amount of money, so it can be formatted and compared.
 */
export const feitSchema = z.strictObject({
  omschrijving: text,
  waarde: text,
  bedrag: z.number().int().nonnegative().optional(),
  jaar: z.number().int().min(2000).max(2100).optional(),
  zekerheid: text.optional(),
  bron: bron,
});
export type Feit = z.infer<typeof feitSchema>;

/** Marks content that is our reading of the sources, not what they literally say. */
const interpretatie = text.optional();

export const documentSchema = z.strictObject({
  bestand: text,
  titel: text,
  uitgever: text.optional(),
  datum: peildatumSchema.optional(),
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

export const financieringsbronSchema = z.strictObject({
  slug,
  naam: text,
  betaler: betalerSchema,
  omschrijving: text,
  wetten: z.array(ref).min(1),
  niveaus: z.array(ref).min(1),
  /** 'onbekend' when the sources give no period and we do not guess one. */
  looptijd: z.enum(['tijdelijk', 'structureel', 'beide', 'onbekend']),
  kostensoorten: z.array(ref).min(1),
  voorwaarden: z.array(text).default([]),
  kanttekeningen: z.array(text).default([]),
  feiten: z.array(feitSchema).default([]),
  gesprekspartners: refs,
  interpretatie,
  bron,
});

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

export type Document = z.infer<typeof documentSchema>;
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
