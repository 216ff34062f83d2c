import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSE_EURO_MESSAGES, formatEuro, formatNumber, formatPercent, parseEuro } from '@/lib/money';

const NBSP = '\u00A0';

describe('formatEuro / formatNumber / formatPercent', () => {
  it('writes Dutch amounts without decimals', () => {
    expect(formatEuro(1234)).toBe(`€${NBSP}1.234`);
    expect(formatEuro(0)).toBe(`€${NBSP}0`);
    expect(formatEuro(1_000_000_000)).toBe(`€${NBSP}1.000.000.000`);
    expect(formatEuro(-1234)).toBe(`€${NBSP}-1.234`);
    expect(formatNumber(12500)).toBe('12.500');
    expect(formatPercent(12.345)).toBe('12,3%');
    expect(formatPercent(null)).toBe('–');
  });
});

describe('parseEuro', () => {
  it.each([
    ['1.234', 1234],
    ['12.500', 12500],
    ['1234', 1234],
    [' € 12.500,- ', 12500],
    ['12.500,–', 12500],
    ['-500', -500],
    ['€ -1.234', -1234],
    ['€1.234', 1234],
    ['1 234', 1234],
    [`€${NBSP}12.500`, 12500],
    ['EUR 50', 50],
    ["50 euro's", 50],
    ['+75', 75],
    ['007', 7],
    ['1.234,00', 1234],
    ['1,2 mln', 1_200_000],
    ['3 miljoen', 3_000_000],
    ['€ 1,25 mln', 1_250_000],
    ['0,000001 mln', 1],
  ])('reads %j as %d', (input, expected) => {
    expect(parseEuro(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['€ 1.234,50', '2,50', '-2,49', '1.234.567,8', '0,5', '12.5', '1234.49'])('refuses cents in %j instead of rounding them', (input) => {
    expect(parseEuro(input)).toEqual({ ok: false, message: PARSE_EURO_MESSAGES.cents });
  });

  it.each([
    ['', PARSE_EURO_MESSAGES.empty],
    ['   ', PARSE_EURO_MESSAGES.empty],
    ['€', PARSE_EURO_MESSAGES.empty],
    ['abc', PARSE_EURO_MESSAGES.invalid],
    ['12,5,0', PARSE_EURO_MESSAGES.invalid],
    ['1.2345', PARSE_EURO_MESSAGES.invalid],
    ['1.234.5', PARSE_EURO_MESSAGES.invalid],
    ['1,234', PARSE_EURO_MESSAGES.thousands],
    ['1,234,567', PARSE_EURO_MESSAGES.thousands],
    ['12 euro 50', PARSE_EURO_MESSAGES.invalid],
    ['--5', PARSE_EURO_MESSAGES.invalid],
    ['1e6', PARSE_EURO_MESSAGES.invalid],
    ['9'.repeat(16), PARSE_EURO_MESSAGES.tooLarge],
  ])('refuses %j with a Dutch message', (input, message) => {
    expect(parseEuro(input)).toEqual({ ok: false, message });
  });

  it('format then parse returns the same amount for every integer 0 … 1e9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => {
        expect(parseEuro(formatEuro(n))).toEqual({ ok: true, value: n });
        expect(parseEuro(formatNumber(n))).toEqual({ ok: true, value: n });
        expect(parseEuro(String(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 2000 },
    );
  });

  it('also round-trips negative amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: -1 }), (n) => {
        expect(parseEuro(formatEuro(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('reads ",00" as whole euros and refuses any other cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99 }), (euros, cents) => {
        const text = `€ ${formatNumber(euros)},${String(cents).padStart(2, '0')}`;
        expect(parseEuro(text)).toEqual(cents === 0 ? { ok: true, value: euros } : { ok: false, message: PARSE_EURO_MESSAGES.cents });
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const result = parseEuro(s);
        if (result.ok) expect(Number.isSafeInteger(result.value)).toBe(true);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
