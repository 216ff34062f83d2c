/**
 * The one set of checks on free text, used by every schema that takes text
 * from users (lib/plans/schema.ts for plan fields, lib/regions/schema.ts and
 * lib/regions/paste.ts for regional plans) and so by both the JSON API and
 * the forms (Server Actions parse with the same schemas). No zod and no
 * Node APIs, so client code may import it.
 *
 * Why each check:
 * - Invalid UTF-8: the API refuses a body that is not valid UTF-8
 *   (lib/http/api.ts), but a browser's form post is decoded with
 *   replacement, so the same bytes reach a Server Action as U+FFFD. Refusing
 *   U+FFFD in text (and lone UTF-16 surrogates, which JSON can carry as
 *   "\ud800" but UTF-8 cannot store) gives form and API the same answer with
 *   the same message. A real "�" typed on purpose is refused too; we accept
 *   that, nobody needs it in a plan.
 * - Control characters: NUL and friends break exports and PostgreSQL; line
 *   breaks only where the field is multi-line.
 * - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) in
 *   names, titles and descriptions can make "Arnhem" display as something
 *   else in lists, diffs and exports ("Trojan Source"). Multi-line notes keep
 *   them: right-to-left text may need them, and notes are never shown as a
 *   label for something else.
 */

export const INVALID_UTF8_MESSAGE =
  'De tekst bevat tekens die niet als geldige UTF-8 zijn verstuurd (zoals �). Typ of plak de tekst opnieuw.';
export const CONTROL_SINGLE_LINE_MESSAGE = 'Gebruik één regel tekst, zonder regeleinden of andere stuurtekens.';
export const CONTROL_MULTI_LINE_MESSAGE = 'Deze tekst bevat ongeldige tekens.';
export const BIDI_MESSAGE =
  'Gebruik geen onzichtbare tekens die de leesrichting omdraaien (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F); typ de tekst opnieuw zonder die tekens.';

const REPLACEMENT = /\uFFFD/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/;

/**
 * What is wrong with a text, in Dutch, or null. `multiline`: line breaks
 * and tabs are fine and bidirectional controls are allowed (notes); single
 * line fields are names, titles and descriptions.
 */
export function textProblem(text: string, { multiline = false }: { multiline?: boolean } = {}): string | null {
  if (REPLACEMENT.test(text) || LONE_SURROGATE.test(text)) return INVALID_UTF8_MESSAGE;
  if (multiline) return CONTROL_MULTI_LINE.test(text) ? CONTROL_MULTI_LINE_MESSAGE : null;
  if (CONTROL_SINGLE_LINE.test(text)) return CONTROL_SINGLE_LINE_MESSAGE;
  if (BIDI_CONTROL.test(text)) return BIDI_MESSAGE;
  return null;
}
