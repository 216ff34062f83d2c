import { clientKey, createPlanLimiter } from '@/lib/rate-limit';
import { errorResponse, etag, jsonResponse, readJsonBody, serverErrorResponse } from '@/lib/http/api';
import { createRegion } from '@/lib/regions/repository';
import { regionApiPath, regionEditPath, regionReadPath } from '@/lib/regions/urls';

export const dynamic = 'force-dynamic';

/**
 * POST /api/regio {name, startYear, endYear, members, sharedItems?, trajectoryItems?}
 * → 201 {id, version, readUrl, editUrl, editSecret}, as POST /api/plannen.
 * `members` is a list of {name, children0to4, children0to18} or pasted
 * spreadsheet rows as one string. 415 / 400 / 413 / 422 {errors} / 429 (the same
 * creation limit as funding plans: both create capability links).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const limit = await createPlanLimiter.hit(clientKey(request.headers));
    if (!limit.ok) {
      return errorResponse(429, 'U heeft in korte tijd veel plannen gemaakt. Probeer het later opnieuw.', {}, { 'Retry-After': String(limit.retryAfterSeconds) });
    }
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const result = await createRegion(body.value);
    if (!result.ok) return errorResponse(422, 'Controleer de gemarkeerde velden.', { errors: result.errors });
    const { region, editSecret } = result;
    return jsonResponse(
      { id: region.id, version: region.version, readUrl: regionReadPath(region.id), editUrl: regionEditPath(region.id, editSecret), editSecret },
      201,
      { Location: regionApiPath(region.id), ETag: etag(region.version) },
    );
  } catch (error) {
    return serverErrorResponse('api/regio POST', error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.');
  }
}
