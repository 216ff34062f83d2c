import { describe, expect, it } from 'vitest';
import { membersToText, parseCount, parseMemberRows, parsePercentBp, splitList } from '@/lib/regions/paste';

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
