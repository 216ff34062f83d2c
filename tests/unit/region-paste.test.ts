import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membersToText, parseCount, parseMemberRows, parsePercentBp, parseTrajectoryGrid, splitList, trajectoriesToText } from '@/lib/regions/paste';

describe('parseMemberRows (pasted from a spreadsheet)', () => {
  it('reads tab-separated rows with Dutch numbers and skips a header row', () => {
    const text = 'Gemeente\tKinderen 0-4\tKinderen 0-18\r\nArnhem\t7.512\t31.204\nEde\t6 100\t25 000\n\nRenkum\t1200\t6400\n';
    expect(parseMemberRows(text)).toEqual({
      ok: true,
      members: [
        { name: 'Arnhem', children0to4: 7512, children0to18: 31204 },
        { name: 'Ede', children0to4: 6100, children0to18: 25000 },
        { name: 'Renkum', children0to4: 1200, children0to18: 6400 },
      ],
    });
  });

  it('reads semicolon-separated rows (a CSV from Dutch Excel), quotes included', () => {
    expect(parseMemberRows('"Rheden";1.500;8.000')).toEqual({ ok: true, members: [{ name: 'Rheden', children0to4: 1500, children0to18: 8000 }] });
  });

  it('gives a Dutch message per bad row, with its row number', () => {
    const result = parseMemberRows('Arnhem\t7512\t31204\nEde\t6,5\t25000\n\tx\t\nArnhem\t1\t2\nWageningen\t900\t800');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Regel 2: “6,5” is geen heel aantal kinderen (0–4 jaar).',
      'Regel 3: de naam ontbreekt; “x” is geen heel aantal kinderen (0–4 jaar); het aantal kinderen van 0–18 jaar ontbreekt.',
      'Regel 4: Arnhem staat er al eerder in.',
      'Regel 5: er zijn meer kinderen van 0–4 dan van 0–18 jaar.',
    ]);
  });

  it('needs at least one and at most 60 members', () => {
    expect(parseMemberRows('  \n')).toMatchObject({ ok: false });
    const many = Array.from({ length: 61 }, (_, i) => `Gemeente ${i}\t1\t2`).join('\n');
    const result = parseMemberRows(many);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toContain('hoogstens 60');
  });

  it('round-trips through membersToText', () => {
    const members = [
      { name: 'Arnhem', children0to4: 7512, children0to18: 31204 },
      { name: 'Lingewaard', children0to4: 2000, children0to18: 10000 },
    ];
    expect(parseMemberRows(membersToText(members))).toEqual({ ok: true, members });
  });
});

describe('number helpers', () => {
  it('parses counts the Dutch way only', () => {
    expect(parseCount('12.345')).toBe(12345);
    expect(parseCount('12 345')).toBe(12345);
    expect(parseCount('12,5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
    expect(parseCount('1.23')).toBeNull();
  });

  it('parses percentages to basis points', () => {
    expect(parsePercentBp('12,5')).toBe(1250);
    expect(parsePercentBp('7.25')).toBe(725);
    expect(parsePercentBp('100%')).toBe(10000);
    expect(parsePercentBp('100,01')).toBeNull();
    expect(parsePercentBp('1,234')).toBeNull();
    expect(splitList('12,5; 7,5\n80')).toEqual(['12,5', '7,5', '80']);
  });
});

describe('parseTrajectoryGrid (historical trajectories, rows = members, columns = years)', () => {
  const members = ['Arnhem', 'Ede', 'Renkum'];
  const grid = (text: string, start = 2026, end = 2028) => parseTrajectoryGrid(text, members, start, end);

  it('reads a header of years and a row per member with its name, in any order, Dutch numbers, tabs or semicolons', () => {
    expect(grid('Gemeente\t2026\t2027\t2028\r\nEde\t9\t9\t10\nArnhem\t1.200\t14\t15\n\nrenkum;0;1;2\n')).toEqual({
      ok: true,
      value: [
        { year: 2026, counts: [1200, 9, 0] },
        { year: 2027, counts: [14, 9, 1] },
        { year: 2028, counts: [15, 10, 2] },
      ],
    });
  });

  it('without a header the columns are the plan’s years; without names the rows follow the member list', () => {
    expect(grid('1\t2\t3\n4\t5\t6\n7\t8\t9')).toEqual({
      ok: true,
      value: [
        { year: 2026, counts: [1, 4, 7] },
        { year: 2027, counts: [2, 5, 8] },
        { year: 2028, counts: [3, 6, 9] },
      ],
    });
  });

  it('reads one number in a row as the same every year, an empty cell as 0, and the earlier one-line form', () => {
    expect(grid('Arnhem\t5\nEde\t\t2\t\nRenkum\t1\t1\t1', 2026, 2027)).toMatchObject({ ok: false });
    expect(grid('Arnhem\t5\nEde\t2\t\t3\nRenkum\t1\t1\t1')).toEqual({
      ok: true,
      value: [
        { year: 2026, counts: [5, 2, 1] },
        { year: 2027, counts: [5, 0, 1] },
        { year: 2028, counts: [5, 3, 1] },
      ],
    });
    expect(grid('2; 1; 0')).toEqual({
      ok: true,
      value: [2026, 2027, 2028].map((year) => ({ year, counts: [2, 1, 0] })),
    });
  });

  it('a header year outside the plan may hold only zeros (dropped); a year without a column is 0', () => {
    expect(grid('Gemeente\t2025\t2026\nArnhem\t0\t3\nEde\t0\t2\nRenkum\t0\t1')).toEqual({
      ok: true,
      value: [
        { year: 2026, counts: [3, 2, 1] },
        { year: 2027, counts: [0, 0, 0] },
        { year: 2028, counts: [0, 0, 0] },
      ],
    });
    expect(grid('Gemeente\t2025\t2026\nArnhem\t4\t3\nEde\t0\t2\nRenkum\t0\t1')).toEqual({
      ok: false,
      errors: ['2025 valt buiten de looptijd van het plan (2026–2028). Zet de kolom 2025 op 0 of haal hem weg, of pas de looptijd aan.'],
    });
  });

  it('says in Dutch, per row, what does not fit', () => {
    expect(grid('Gemeente\t2026\t2027\t2028\nArnhem\t1\t2\nUtrecht\t1\t1\t1\nEde\tx\t1\t1\nArnhem\t1\t1\t1')).toEqual({
      ok: false,
      errors: [
        'Regel 2: geef één aantal (elk jaar hetzelfde) of één aantal voor elk van de 3 jaren van de kopregel (nu 2).',
        'Regel 3: Utrecht staat niet in de lijst met gemeenten.',
        'Regel 4: “x” is geen heel aantal trajecten.',
        'Regel 5: Arnhem staat er al eerder in.',
        'Er ontbreken trajecten voor Renkum.',
      ],
    });
    expect(grid('1\t2\t3\n4\t5\t6')).toEqual({
      ok: false,
      errors: ['Geef één regel per gemeente, in de volgorde van de lijst (nu 2 regels voor 3 gemeenten), of zet de naam vooraan in elke regel.'],
    });
    expect(grid('Arnhem\t1\n2\n3')).toMatchObject({ ok: false, errors: ['Zet in elke regel de naam van de gemeente vooraan, of in geen enkele regel.'] });
    expect(grid('1\t2\n4\t5\n7\t8')).toMatchObject({
      ok: false,
      errors: [1, 2, 3].map((row) => `Regel ${row}: geef één aantal (elk jaar hetzelfde) of één aantal voor elk van de 3 jaren van het plan (2026, 2027, 2028) (nu 2).`),
    });
    expect(grid('Arnhem\t100.001\nEde\t1\nRenkum\t1')).toMatchObject({ ok: false, errors: [expect.stringContaining('onwaarschijnlijk')] });
    expect(grid(' \n')).toMatchObject({ ok: false });
  });

  it('round-trips through trajectoriesToText (what the edit form shows)', () => {
    const value = [
      { year: 2026, counts: [12, 9, 0] },
      { year: 2027, counts: [14, 9, 1] },
    ];
    const text = trajectoriesToText(members, value);
    expect(text).toBe('Gemeente\t2026\t2027\nArnhem\t12\t14\nEde\t9\t9\nRenkum\t0\t1');
    expect(grid(text, 2026, 2027)).toEqual({ ok: true, value });
  });

  it('property: any counts round-trip through the text the form shows, for any number of members and years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 2000, max: 2090 }),
        fc.infiniteStream(fc.nat(100_000)),
        (memberCount, yearCount, start, numbers) => {
          const names = Array.from({ length: memberCount }, (_, i) => `Gemeente ${String.fromCharCode(65 + i)}`);
          const counts = numbers.take(memberCount * yearCount);
          const value = Array.from({ length: yearCount }, (_, y) => ({
            year: start + y,
            counts: names.map(() => counts.next().value ?? 0),
          }));
          expect(parseTrajectoryGrid(trajectoriesToText(names, value), names, start, start + yearCount - 1)).toEqual({ ok: true, value });
        },
      ),
      { numRuns: 200 },
    );
  });
});
