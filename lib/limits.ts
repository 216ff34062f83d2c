/**
 * Request size limits shared by the JSON API (lib/plans/http.ts, readJsonBody)
 * and the Server Actions (next.config.ts, serverActions.bodySizeLimit), so the
 * edit form accepts every plan the API accepts. Both count the same thing:
 * bytes of the request body as sent (JSON for the API, the multipart form
 * body for a Server Action, which is larger for the same plan because every
 * field carries its name and a boundary). The limit is therefore set well
 * above the largest plan the schemas allow in either encoding
 * (tests/unit/limits.test.ts builds that plan and checks both).
 *
 * No imports: next.config.ts and client components read this file too.
 */

/** Largest accepted request body, in bytes (4 MiB). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The limit as users read it. */
export const MAX_BODY_LABEL = '4 MB';

/** The API's 413 and the first sentence of the form's refusal: one wording for both. */
export const BODY_TOO_LARGE_MESSAGE = `Wat u verstuurt is te groot: hoogstens ${MAX_BODY_LABEL}. Er is niets opgeslagen.`;

/** The form's refusal (checked in the browser before sending): the input stays in the form. */
export const FORM_TOO_LARGE_MESSAGE = `${BODY_TOO_LARGE_MESSAGE} Uw invoer staat nog in het formulier: maak teksten korter of verdeel het plan over twee plannen.`;

/**
 * Bytes a browser adds per field of a multipart/form-data body: the boundary
 * line (`--` + Chrome's 38-character boundary + CRLF), the
 * `Content-Disposition: form-data; name="…"` line, an empty line and the
 * CRLF after the value (~85 bytes), rounded up so the browser-side estimate
 * never lets through what the server would refuse.
 */
export const MULTIPART_OVERHEAD_PER_FIELD = 100;

/**
 * What a form body will weigh when posted, estimated in the browser before
 * sending (synchronously, so the submit can still be cancelled): the UTF-8
 * bytes of every name and value plus the per-field overhead. Files are not
 * posted by our forms and count as their size.
 */
export function estimateFormBytes(fields: Iterable<[string, FormDataEntryValue]>): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const [name, value] of fields) {
    bytes += MULTIPART_OVERHEAD_PER_FIELD + encoder.encode(name).byteLength;
    bytes += typeof value === 'string' ? encoder.encode(value).byteLength : value.size;
  }
  return bytes;
}
