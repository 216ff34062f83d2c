/**
 * Money in this app is always a whole number of euros (an integer). This module
 * is the ONE place that turns amounts into Dutch text and Dutch text back into
 * amounts. It has no dependencies (no zod, no Node APIs) so a small client
 * component can import it to format totals while the user types.
 *
 * Rounding: users may type cents ("€ 1.234,50"). We store whole euros, so
 * cents are rounded half away from zero: 1.234,50 → 1.235; 1.234,49 → 1.234;
 * -0,50 → -1. Amounts in funding plans are estimates and budgets, where cents
 * carry no meaning; rounding once, here, keeps every other module integer-only.
 */

const euroFormat = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** 1234 → "€ 1.234" (nl-NL; the space is a no-break space, as Intl writes it). */
export function formatEuro(amount: number): string {
  return euroFormat.format(amount);
}

/** 1234 → "1.234" (nl-NL grouping, no decimals). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A percentage given as 0–100 (not a fraction): 12.345 → "12,3%".
 * `null` (e.g. "coverage of a need of zero") is shown as an en dash.
 */
export function formatPercent(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '–';
  return percentFormat.format(percent / 100);
}

export type ParseEuroResult = { ok: true; value: number } | { ok: false; message: string };

/** More integer digits than this cannot be held exactly in a JS number. */
const MAX_INTEGER_DIGITS = 15;

export const PARSE_EURO_MESSAGES = {
  empty: 'Vul een bedrag in.',
  invalid: 'Vul een bedrag in euro’s in, bijvoorbeeld 12.500 of € 1.234,50.',
  thousands: 'Gebruik een punt voor duizendtallen (1.234) en een komma voor centen (1.234,50).',
  tooLarge: 'Dit bedrag is te groot.',
} as const;

// Separators a user (or Intl) may put between groups of three digits.
const GROUPED = /^(\d{1,3})((?:([. \u00A0\u202F])\d{3})(?:\3\d{3})*)(?:,(\d{1,2}))?$/;
// Digits without grouping, optionally with a decimal comma.
const PLAIN = /^(\d+)(?:,(\d{1,2}))?$/;
// A decimal point with one or two decimals ("12.5", "1234.50") cannot be Dutch
// grouping (that needs three digits), so the only sensible reading is a decimal
// point, as browsers and spreadsheets produce it.
const DECIMAL_POINT = /^(\d+)\.(\d{1,2})$/;

/**
 * Parses an amount as Dutch users type it: "1.234", "€ 1.234,50", "12.500",
 * "1234", " € 12.500,- ", "-500", "€ -1.234", "EUR 50". Returns whole euros
 * (cents rounded half away from zero, see the module comment) or a Dutch
 * message for the form. Range checks (no negatives, a maximum) belong to the
 * caller: this only reads the number.
 *
 * Refused on purpose: "1,234" (three decimals: probably meant 1.234, so we ask
 * instead of guessing), "1.2345" (bad grouping), text, several numbers.
 */
export function parseEuro(input: string): ParseEuroResult {
  let s = input.trim();
  if (s === '') return { ok: false, message: PARSE_EURO_MESSAGES.empty };

  // "12.500,-" and "12.500,–" mean "whole euros" on Dutch price tags.
  s = s.replace(/[,.][-\u2013\u2014]$/, '');
  // The currency may stand before or after the number, with or without space.
  s = s.replace(/€|\beur(?:o(?:['’]?s)?)?\b/gi, ' ').trim();

  let negative = false;
  const sign = /^([-\u2212+])\s*/.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  if (s === '') return { ok: false, message: negative ? PARSE_EURO_MESSAGES.invalid : PARSE_EURO_MESSAGES.empty };

  let integerDigits: string;
  let fraction: string | undefined;
  const grouped = GROUPED.exec(s);
  const plain = grouped ? null : PLAIN.exec(s);
  const decimalPoint = grouped || plain ? null : DECIMAL_POINT.exec(s);
  if (grouped) {
    integerDigits = (grouped[1] ?? '') + (grouped[2] ?? '').replace(/[^\d]/g, '');
    fraction = grouped[4];
  } else if (plain) {
    integerDigits = plain[1] ?? '';
    fraction = plain[2];
  } else if (decimalPoint) {
    integerDigits = decimalPoint[1] ?? '';
    fraction = decimalPoint[2];
  } else {
    const looksLikeEnglishThousands = /^\d{1,3}(?:,\d{3})+$/.test(s) || /^\d+,\d{3,}$/.test(s);
    return { ok: false, message: looksLikeEnglishThousands ? PARSE_EURO_MESSAGES.thousands : PARSE_EURO_MESSAGES.invalid };
  }

  integerDigits = integerDigits.replace(/^0+(?=\d)/, '');
  if (integerDigits.length > MAX_INTEGER_DIGITS) return { ok: false, message: PARSE_EURO_MESSAGES.tooLarge };

  let euros = Number(integerDigits);
  // Half away from zero: we round the magnitude up at ≥ 50 cents, then apply the sign.
  const cents = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
  if (cents >= 50) euros += 1;
  if (!Number.isSafeInteger(euros)) return { ok: false, message: PARSE_EURO_MESSAGES.tooLarge };
  return { ok: true, value: negative && euros !== 0 ? -euros : euros };
}
