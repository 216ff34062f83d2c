/**
 * Money in this app is always a whole number of euros (an integer). This module
 * is the ONE place that turns amounts into Dutch text and Dutch text back into
 * amounts. It has no dependencies (no zod, no Node APIs) so a small client
 * component can import it to format totals while the user types.
 *
 * Cents: we store whole euros, and an amount with cents ("€ 1.234,50") is
 * refused with a clear message instead of rounded silently (a user who typed
 * cents should decide the rounding; ",00" and ",-" are fine). "1,2 mln" and
 * "3 miljoen" are read as millions, as long as they come to whole euros.
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
  invalid: 'Vul een bedrag in hele euro’s in, bijvoorbeeld 12.500, € 1.234 of 1,2 mln.',
  thousands: 'Gebruik een punt voor duizendtallen (1.234) en een komma voor centen (1.234,50).',
  tooLarge: 'Dit bedrag is te groot.',
  cents: 'Gebruik hele euro’s, zonder centen: rond het bedrag zelf af (bijvoorbeeld 1.235 in plaats van 1.234,50).',
} as const;

// "1,2 mln", "1.5 miljoen", "3 mln": a number of millions.
const MILLIONS = /^(\d{1,6})(?:[,.](\d{1,6}))?\s*(?:mln\.?|miljoen)$/i;

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
 * "1234", " € 12.500,- ", "-500", "€ -1.234", "EUR 50", "1,2 mln". Returns
 * whole euros, or a Dutch message for the form (also for cents, see the
 * module comment). Range checks (no negatives, a maximum) belong to the
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

  const millions = MILLIONS.exec(s);
  if (millions) {
    const decimals = millions[2] ?? '';
    // Whole euros only: at most six decimals of a million.
    const euros = Number(millions[1]) * 1_000_000 + Number(decimals.padEnd(6, '0') || '0');
    return { ok: true, value: negative && euros !== 0 ? -euros : euros };
  }

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

  const euros = Number(integerDigits);
  const cents = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
  if (cents !== 0) return { ok: false, message: PARSE_EURO_MESSAGES.cents };
  if (!Number.isSafeInteger(euros)) return { ok: false, message: PARSE_EURO_MESSAGES.tooLarge };
  return { ok: true, value: negative && euros !== 0 ? -euros : euros };
}
