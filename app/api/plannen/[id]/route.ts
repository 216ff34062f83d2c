import { clientKey, secretFailureLimiter } from '@/lib/rate-limit';
import { DEFAULT_BASIS, type FundingBasis } from '@/lib/plans/calculations';
import { PLAN_RESPONSE_HEADERS, bearerSecret, errorResponse, etag, jsonResponse, parseIfMatch, readJsonBody } from '@/lib/plans/http';
import { planJsonBytes } from '@/lib/plans/plan-json';
import { authorizePlan, saveAuthorizedPlan } from '@/lib/plans/repository';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const BASES: readonly FundingBasis[] = ['zeker', 'verwacht', 'gepland'];
const NOT_FOUND = 'Dit plan bestaat niet (meer). Controleer de link.';

/**
 * GET /api/plannen/<id>[?basis=zeker|verwacht|gepland]
 * → 200 {plan, needs, lines, totals, links} (lib/plans/plan-json.ts) with
 * ETag "<version>"; 304 when If-None-Match has the current ETag; 404 unknown
 * plan. Reading needs no secret: the read link is the id. Totals default to
 * the basis "verwacht" (lib/plans/calculations.ts).
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    const requested = new URL(request.url).searchParams.get('basis');
    const basis = BASES.find((b) => b === requested) ?? DEFAULT_BASIS;
    const json = await planJsonBytes(id, basis);
    if (!json) return errorResponse(404, NOT_FOUND);
    const tag = etag(json.version);
    if (request.headers.get('if-none-match')?.split(',').some((t) => t.trim() === tag)) {
      return new Response(null, { status: 304, headers: { ...PLAN_RESPONSE_HEADERS, ETag: tag } });
    }
    return new Response(json.body, {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...PLAN_RESPONSE_HEADERS, ETag: tag },
    });
  } catch (error) {
    return serverError('GET', error);
  }
}

/**
 * PUT /api/plannen/<id> with `Authorization: Bearer <secret>` and
 * `If-Match: "<version>"`, body {needs, lines, municipality?, title?,
 * startYear?, endYear?, contactNote?} (needs and lines replace the stored ones)
 * → 200 {version} with the new ETag.
 *
 * Checked in this order, the first failure answers:
 *   429 too many wrong secrets from this client (Retry-After)
 *   401 no Bearer secret · 404 unknown plan · 403 wrong secret
 *   428 If-Match missing (or "*": an unconditional save could lose updates)
 *   412 If-Match is not the current version; body {currentVersion}, ETag current
 *   413 body over 1 MiB · 400 body not JSON
 *   422 {errors: {"lines.3.amount": "…"}} invalid plan
 *   412 another save won the race while this one was validated
 * Any refusal leaves the stored plan exactly as it was.
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    const key = clientKey(request.headers);
    const limit = secretFailureLimiter.check(key);
    if (!limit.ok) {
      return errorResponse(
        429,
        'Te veel pogingen met een verkeerde bewerkingssleutel. Probeer het later opnieuw.',
        {},
        { 'Retry-After': String(limit.retryAfterSeconds) },
      );
    }

    const secret = bearerSecret(request);
    if (!secret) {
      return errorResponse(401, 'Bewerken kan alleen met de bewerkingslink (Authorization: Bearer <sleutel>).', {}, {
        'WWW-Authenticate': 'Bearer realm="plannen"',
      });
    }
    const auth = await authorizePlan(id, secret);
    if (!auth.ok && auth.reason === 'not-found') return errorResponse(404, NOT_FOUND);
    if (!auth.ok) {
      secretFailureLimiter.hit(key);
      return errorResponse(403, 'Deze bewerkingssleutel hoort niet (meer) bij dit plan. Gebruik de nieuwste bewerkingslink.');
    }

    const ifMatch = parseIfMatch(request.headers.get('if-match'));
    if (ifMatch.kind !== 'versions') {
      return errorResponse(428, 'Stuur de versie die u bewerkt mee in If-Match (de ETag van GET), zodat geen wijziging verloren gaat.', {
        currentVersion: auth.plan.version,
      });
    }
    const current = auth.plan.version;
    const expected = ifMatch.versions.length === 1 ? ifMatch.versions[0] : undefined;
    if (expected !== current) return stale(current);

    const body = await readJsonBody(request);
    if (!body.ok) return body.response;

    const result = await saveAuthorizedPlan(auth.plan, expected, body.value);
    if (result.ok) return jsonResponse({ version: result.version, updatedAt: result.updatedAt }, 200, { ETag: etag(result.version) });
    switch (result.reason) {
      case 'invalid':
        return errorResponse(422, 'Controleer de gemarkeerde velden.', { errors: result.errors });
      case 'conflict':
        return stale(result.currentVersion);
      case 'not-found':
        return errorResponse(404, NOT_FOUND);
      case 'forbidden':
        return errorResponse(403, 'Deze bewerkingssleutel hoort niet (meer) bij dit plan. Gebruik de nieuwste bewerkingslink.');
    }
  } catch (error) {
    return serverError('PUT', error);
  }
}

function stale(currentVersion: number): Response {
  return errorResponse(
    412,
    'Iemand anders heeft dit plan intussen opgeslagen. Uw wijzigingen zijn niet opgeslagen; laad de nieuwste versie en voer ze opnieuw in.',
    { currentVersion },
    { ETag: etag(currentVersion) },
  );
}

function serverError(method: string, error: unknown): Response {
  // Only the message: request bodies and secrets never reach the log.
  console.error(`[api/plannen/[id]] ${method} mislukt:`, error instanceof Error ? error.message : 'onbekende fout');
  return errorResponse(500, 'Er ging iets mis. Probeer het opnieuw.');
}
