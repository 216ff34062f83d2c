import { describe, expect, it } from 'vitest';
import type { Names } from '@/lib/regions/calculate';
import { describeRegionChanges, diffRegions } from '@/lib/regions/diff';
import type { RegionState } from '@/lib/regions/schema';
import { advisedItem, countsPerYear, historicalItem, perYear, sharedItem } from './support/region-items';

const names: Names = {
  category: (s) => ({ voorinvesteringen: '(Voor)investeringen', proceskosten: 'Proceskosten', interventies: 'Interventies' })[s] ?? s,
  intervention: (s) => ({ voorzorg: 'VoorZorg', 'stevig-ouderschap': 'Stevig Ouderschap' })[s] ?? s,
};

const before: RegionState = {
  name: 'Gelderland-Midden',
  startYear: 2026,
  endYear: 2027,
  members: [
    { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
    { name: 'Ede', children0to4: 6000, children0to18: 25000 },
    { name: 'Renkum', children0to4: 1000, children0to18: 6000 },
  ],
  sharedItems: [
    sharedItem('Training', 'voorinvesteringen', perYear(2026, [40_000, 0]), 'kinderen-0-4'),
    sharedItem('Coördinatie', 'proceskosten', perYear(2026, [10_000, 10_000]), 'percentages', [50, 25, 25]),
  ],
  trajectoryItems: [historicalItem('voorzorg', 'interventies', 4500, countsPerYear(2026, [[12, 9, 1], [14, 9, 1]]))],
};

describe('diffRegions / describeRegionChanges', () => {
  it('finds nothing between equal states', () => {
    expect(diffRegions(before, structuredClone(before))).toEqual([]);
  });

  it('lists name and years, members added, removed and changed, items added, removed and changed per year', () => {
    const after: RegionState = {
      ...before,
      name: 'Gelderland-Midden 2026',
      endYear: 2028,
      members: [
        { name: 'Arnhem', children0to4: 7100, children0to18: 30000 },
        { name: 'Ede', children0to4: 6000, children0to18: 25000 },
        { name: 'Wageningen', children0to4: 1500, children0to18: 7000 },
      ],
      sharedItems: [
        { ...before.sharedItems[0]!, amounts: perYear(2026, [30_000, 10_000, 0]) },
        sharedItem('Licenties', 'voorinvesteringen', perYear(2026, [1_000, 1_000, 1_000])),
      ],
      trajectoryItems: [historicalItem('voorzorg', 'interventies', 4600, countsPerYear(2026, [[12, 10, 3], [14, 9, 3], [15, 9, 3]]))],
    };
    expect(describeRegionChanges(before, after, names)).toEqual([
      'Naam: ‘Gelderland-Midden’ → ‘Gelderland-Midden 2026’',
      'Laatste jaar: ‘2027’ → ‘2028’',
      'Gemeente gewijzigd: Arnhem: 7.000 kinderen 0–4, 30.000 kinderen 0–18 → 7.100 kinderen 0–4, 30.000 kinderen 0–18',
      'Gemeente toegevoegd: Wageningen (1.500 kinderen 0–4, 7.000 kinderen 0–18)',
      'Gemeente verwijderd: Renkum',
      'Gedeelde kostenpost ‘Training’ gewijzigd: bedrag 2026 €\u00A040.000 → €\u00A030.000; bedrag 2027 €\u00A00 → €\u00A010.000',
      'Kostenpost toegevoegd: gedeelde kostenpost ‘Licenties’ ((voor)investeringen, €\u00A03.000 over de looptijd, in gelijke delen)',
      // Counts compared per member name and year: Wageningen is new (its own change), 2028 is new for Arnhem and Ede.
      'Trajectpost ‘VoorZorg’ gewijzigd: prijs per traject €\u00A04.500 → €\u00A04.600; trajecten Arnhem 2028: 0 → 15; trajecten Ede 2026: 9 → 10; trajecten Ede 2028: 0 → 9',
      'Kostenpost verwijderd: gedeelde kostenpost ‘Coördinatie’ (proceskosten, €\u00A020.000 over de looptijd, vaste percentages)',
    ]);
  });

  it('matches members by name: a new order is one change, not changed counts', () => {
    const reversed = [...before.members].reverse();
    const after: RegionState = {
      ...before,
      members: reversed,
      sharedItems: [before.sharedItems[0]!, { ...before.sharedItems[1]!, percentages: [25, 25, 50] }],
      trajectoryItems: [{ ...before.trajectoryItems[0]!, trajectories: before.trajectoryItems[0]!.trajectories!.map((t) => ({ ...t, counts: [...t.counts].reverse() })) }],
    };
    expect(describeRegionChanges(before, after, names)).toEqual([
      'Volgorde van de gemeenten gewijzigd',
      // Percentages are per position, so they read as changed (they follow the list).
      'Gedeelde kostenpost ‘Coördinatie’ gewijzigd: percentages 50; 25; 25 → 25; 25; 50',
    ]);
  });

  it('names split key, basis and percentage changes, and caps long lists of trajectory counts', () => {
    const many = { ...before, members: Array.from({ length: 10 }, (_, i) => ({ name: `G${i}`, children0to4: 10, children0to18: 20 })) };
    const from: RegionState = {
      ...many,
      sharedItems: [{ ...before.sharedItems[0]!, splitKey: 'gelijk' }],
      trajectoryItems: [
        { ...before.trajectoryItems[0]!, trajectories: [2026, 2027].map((year) => ({ year, counts: Array.from({ length: 10 }, () => 1) })) },
        advisedItem('stevig-ouderschap', 'interventies', 1000, 1.5),
      ],
    };
    const to: RegionState = {
      ...from,
      sharedItems: [{ ...before.sharedItems[0]!, splitKey: 'kinderen-0-18' }],
      trajectoryItems: [
        { ...from.trajectoryItems[0]!, trajectories: [2026, 2027].map((year) => ({ year, counts: Array.from({ length: 10 }, () => 2) })) },
        { ...from.trajectoryItems[1]!, percentage: 2 },
      ],
    };
    const lines = describeRegionChanges(from, to, names);
    expect(lines[0]).toBe('Gedeelde kostenpost ‘Training’ gewijzigd: verdeelsleutel ‘in gelijke delen’ → ‘naar rato van het aantal kinderen van 0 tot 18 jaar’');
    expect(lines[1]).toMatch(/^Trajectpost ‘VoorZorg’ gewijzigd: trajecten G0 2026: 1 → 2; trajecten G0 2027: 1 → 2; .*; en nog 14 aantallen trajecten$/);
    expect(lines[2]).toBe('Trajectpost ‘Stevig Ouderschap’ gewijzigd: geadviseerd percentage 1,5% → 2%');
    const basis = describeRegionChanges(to, { ...to, trajectoryItems: [{ ...to.trajectoryItems[0]!, basis: 'percentage', trajectories: null, percentage: 1 }, to.trajectoryItems[1]!] }, names);
    expect(basis[0]).toBe(
      'Trajectpost ‘VoorZorg’ gewijzigd: aantal trajecten volgens ‘historisch gebruik (trajecten per gemeente per jaar)’ → ‘geadviseerd percentage van de kinderen van 0 tot 4 jaar’; geadviseerd percentage (geen) → 1%',
    );
  });
});
