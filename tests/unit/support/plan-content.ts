import type { Geldigheid } from '@/lib/content/schema';
import type { PlanContent } from '@/lib/plans/content';

const cite = [{ document: 'actuele-feiten-2026.md' }];
/** A standing budget: no end. */
const OPEN: Geldigheid = { vanaf: 'open', tot: 'open', toelichting: 'Geen einddatum.', bron: cite };

/**
 * A small, fixed catalogue for funding-plan tests, shaped like content/ (the
 * real slugs of the cost categories; invented but realistic sources), so the
 * tests do not change when editors change content/.
 */
export const testPlanContent: PlanContent = {
  kostensoorten: [
    { slug: 'interventies', naam: 'Interventies' },
    { slug: 'voorinvesteringen', naam: 'Voorinvesteringen' },
    { slug: 'proceskosten', naam: 'Proceskosten' },
    { slug: 'maatwerkbudget', naam: 'Maatwerkbudget' },
  ],
  wetten: [
    { slug: 'wpg', naam: 'Wet publieke gezondheid', korteNaam: 'Wpg' },
    { slug: 'wmo', naam: 'Wet maatschappelijke ondersteuning 2015', korteNaam: 'Wmo' },
    { slug: 'jeugdwet', naam: 'Jeugdwet', korteNaam: 'Jeugdwet' },
    { slug: 'zvw', naam: 'Zorgverzekeringswet', korteNaam: 'Zvw' },
    { slug: 'overig', naam: 'Overig', korteNaam: 'Overig' },
  ],
  bronnen: [
    { slug: 'spuk', naam: 'Specifieke uitkering', betaler: 'rijk', wetten: ['overig'], looptijd: 'tijdelijk', kostensoorten: ['proceskosten', 'interventies'], geldigheid: OPEN },
    { slug: 'basisverzekering', naam: 'Basisverzekering', betaler: 'zorgverzekeraar', wetten: ['zvw'], looptijd: 'structureel', kostensoorten: ['interventies'], geldigheid: OPEN },
    { slug: 'wmo-budget', naam: 'Wmo-budget', betaler: 'gemeente', wetten: ['wmo'], looptijd: 'structureel', kostensoorten: ['interventies', 'maatwerkbudget'], geldigheid: OPEN },
    { slug: 'gemeentefonds', naam: 'Gemeentefonds', betaler: 'gemeente', wetten: ['wpg', 'wmo', 'jeugdwet'], looptijd: 'beide', kostensoorten: ['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget'], geldigheid: OPEN },
    { slug: 'fonds-start', naam: 'Startfonds', betaler: 'fonds', wetten: ['overig'], looptijd: 'tijdelijk', kostensoorten: ['voorinvesteringen'], geldigheid: OPEN },
    { slug: 'provincie-subsidie', naam: 'Provinciale subsidie', betaler: 'provincie', wetten: ['wpg'], looptijd: 'tijdelijk', kostensoorten: ['proceskosten'], geldigheid: OPEN },
    {
      slug: 'aflopend',
      naam: 'Aflopende uitkering',
      betaler: 'rijk',
      wetten: ['overig'],
      looptijd: 'tijdelijk',
      kostensoorten: ['interventies', 'proceskosten'],
      geldigheid: { vanaf: '2023-01-01', tot: '2026-12-31', toelichting: 'Loopt tot en met 2026.', bron: cite },
    },
    {
      slug: 'onzeker',
      naam: 'Onzeker programma',
      betaler: 'rijk',
      wetten: ['overig'],
      looptijd: 'tijdelijk',
      kostensoorten: ['interventies'],
      geldigheid: { vanaf: '2019', tot: 'onbekend', bekendTot: '2025-12-31', toelichting: 'Na 2025 onbekend.', bron: cite },
    },
    { slug: 'gezamenlijk', naam: 'Gezamenlijke inkoop', betaler: 'zorgverzekeraar', wetten: ['zvw', 'wmo'], looptijd: 'beide', kostensoorten: ['interventies'], geldigheid: OPEN },
  ],
  financieringsvormen: [
    { slug: 'voorfinanciering', naam: 'Voorfinanciering', looptijd: 'tijdelijk' },
    { slug: 'borging', naam: 'Borging', looptijd: 'structureel' },
  ],
  voorbeelden: [
    {
      slug: 'voorbeeldstad',
      naam: 'Voorbeeldstad',
      financieringsmix: [
        { financieringsbron: 'spuk', financieringsvorm: 'voorfinanciering', toelichting: 'Startgeld voor de coalitie.' },
        { financieringsbron: 'gemeentefonds', financieringsvorm: 'borging', toelichting: 'Structureel uit de begroting.' },
        { financieringsbron: 'basisverzekering', toelichting: 'Verloskundige zorg.' },
      ],
    },
  ],
};

export const testSourceSlugs = testPlanContent.bronnen.map((b) => b.slug);
export const testCategorySlugs = testPlanContent.kostensoorten.map((k) => k.slug);
