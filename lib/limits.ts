/**
 * Request size limits shared by the JSON API (lib/http/api.ts, readJsonBody)
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

/**
 * Largest accepted request body, in bytes (4 MiB). A Server Action posted
 * from a form with useActionState sends the form AND the previous action
 * state, which holds every value of the form again (EditorState.values), so
 * a save of the edit form is about twice the form: the largest plan was
 * ~2.1 MB that way (an e2e test hit a 2 MiB limit), ~1.05 MB of form fields.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The limit as users read it. */
export const MAX_BODY_LABEL = '4 MB';

/**
 * Funding lines per plan. Measured on 2026-12-02 (this 2-core machine, shared,
 * load 4–8; production build; 10 years per line): the edit page of a 500-line
 * plan was 6.5 MB and took 1.3–2.1 s to render on the server and 5–6 s to load
 * and hydrate in Chromium; 150 lines: 2.0 MB, 0.5–1.0 s on the server. Every
 * row carries its own source select (~30 options) and an input per year, so
 * the page grows with lines × years; 150 keeps the edit and read pages of a
 * plan at its limits around a second even on a busy machine. README, decisions.
 */
export const MAX_PLAN_LINES = 150;

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
 * bytes of every name and value plus the per-field overhead, and the
 * previous action state that useActionState posts with it. Files are not
 * posted by our forms and count as their size.
 */
export function estimateFormBytes(fields: Iterable<[string, FormDataEntryValue]>, state?: unknown): number {
  const encoder = new TextEncoder();
  // The action state travels as JSON-like text (React's reply encoding); 1 kB for its framing.
  let bytes = state === undefined ? 0 : encoder.encode(JSON.stringify(state)).byteLength + 1024;
  for (const [name, value] of fields) {
    bytes += MULTIPART_OVERHEAD_PER_FIELD + encoder.encode(name).byteLength;
    bytes += typeof value === 'string' ? encoder.encode(value).byteLength : value.size;
  }
  return bytes;
}
