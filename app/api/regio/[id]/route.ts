import { clientKey, secretFailureLimiter } from '@/lib/rate-limit';
import { bearerSecret, errorResponse, etag, jsonResponse, parseIfMatch, readJsonBody } from '@/lib/plans/http';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { regionJson } from '@/lib/regions/region-json';
import { authorizeRegion, getRegion, saveAuthorizedRegion } from '@/lib/regions/repository';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };
const NOT_FOUND = 'Dit regionale plan bestaat niet (meer). Controleer de link.';
const FORBIDDEN = 'Deze bewerkingssleutel hoort niet (meer) bij dit regionale plan. Gebruik de nieuwste bewerkingslink.';

/**
 * GET /api/regio/<id> → 200 {region, members, sharedItems, trajectoryItems,
 * split, handoffs, links} with ETag "<version>". No 304: hand-offs are
 * recorded without a new version (they do not change the plan's content),
 * so the version alone cannot vouch for a cached body.
 */
export async function GET(_request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    const region = await getRegion(id);
    if (!region) return errorResponse(404, NOT_FOUND);
    return jsonResponse(regionJson(region, regionNames(getRegionContent())), 200, { ETag: etag(region.version) });
  } catch (error) {
    return serverError('GET', error);
  }
}

/**
 * PUT /api/regio/<id> with Bearer secret and If-Match, body = the whole
 * regional plan (as POST). Statuses and their order as PUT /api/plannen/<id>:
 * 429 · 401 · 404 · 403 · 428 · 412 {currentVersion} · 413 · 400 · 422 {errors} · 412.
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    const key = clientKey(request.headers);
    const limit = secretFailureLimiter.check(key);
    if (!limit.ok) {
      return errorResponse(429, 'Te veel pogingen met een verkeerde bewerkingssleutel. Probeer het later opnieuw.', {}, { 'Retry-After': String(limit.retryAfterSeconds) });
    }
    const secret = bearerSecret(request);
    if (!secret) {
      return errorResponse(401, 'Bewerken kan alleen met de bewerkingslink (Authorization: Bearer <sleutel>).', {}, { 'WWW-Authenticate': 'Bearer realm="regio"' });
    }
    const auth = await authorizeRegion(id, secret);
    if (!auth.ok && auth.reason === 'not-found') return errorResponse(404, NOT_FOUND);
    if (!auth.ok) {
      secretFailureLimiter.hit(key);
      return errorResponse(403, FORBIDDEN);
    }
    const ifMatch = parseIfMatch(request.headers.get('if-match'));
    if (ifMatch.kind !== 'versions') {
      return errorResponse(428, 'Stuur de versie die u bewerkt mee in If-Match (de ETag van GET), zodat geen wijziging verloren gaat.', {
        currentVersion: auth.region.version,
      });
    }
    const expected = ifMatch.versions.length === 1 ? ifMatch.versions[0] : undefined;
    if (expected !== auth.region.version) return stale(auth.region.version);
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const result = await saveAuthorizedRegion(auth.region, expected, body.value);
    if (result.ok) return jsonResponse({ version: result.version, updatedAt: result.updatedAt }, 200, { ETag: etag(result.version) });
    switch (result.reason) {
      case 'invalid':
        return errorResponse(422, 'Controleer de gemarkeerde velden.', { errors: result.errors });
      case 'conflict':
        return stale(result.currentVersion);
      case 'not-found':
        return errorResponse(404, NOT_FOUND);
      case 'forbidden':
        return errorResponse(403, FORBIDDEN);
    }
  } catch (error) {
    return serverError('PUT', error);
  }
}

function stale(currentVersion: number): Response {
  return errorResponse(
    412,
    'Iemand anders heeft dit regionale plan intussen opgeslagen. Uw wijzigingen zijn niet opgeslagen; laad de nieuwste versie en voer ze opnieuw in.',
    { currentVersion },
    { ETag: etag(currentVersion) },
  );
}

function serverError(method: string, error: unknown): Response {
  console.error(`[api/regio/[id]] ${method} mislukt:`, error instanceof Error ? error.message : 'onbekende fout');
  return errorResponse(500, 'Er ging iets mis. Probeer het opnieuw.');
}
