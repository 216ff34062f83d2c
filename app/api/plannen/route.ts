import { clientKey, createPlanLimiter } from '@/lib/rate-limit';
import { errorResponse, etag, jsonResponse, readJsonBody, serverErrorResponse } from '@/lib/http/api';
import { createPlan } from '@/lib/plans/repository';
import { planApiPath, planEditPath, planReadPath } from '@/lib/plans/urls';

export const dynamic = 'force-dynamic';

/**
 * POST /api/plannen {municipality, title, startYear, endYear, contactNote?, voorbeeld?}
 * → 201 {id, version, readUrl, editUrl, editSecret}. The edit link and the
 * secret are shown once: only the secret's hash is stored.
 * 415 not sent as application/json, 400 malformed JSON, 413 too large, 422 {errors},
 * 429 too many plans from this client.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const limit = await createPlanLimiter.hit(clientKey(request.headers));
    if (!limit.ok) {
      return errorResponse(
        429,
        'U heeft in korte tijd veel plannen gemaakt. Probeer het later opnieuw.',
        {},
        { 'Retry-After': String(limit.retryAfterSeconds) },
      );
    }
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;

    const result = await createPlan(body.value);
    if (!result.ok) return errorResponse(422, 'Controleer de gemarkeerde velden.', { errors: result.errors });

    const { plan, editSecret } = result;
    return jsonResponse(
      {
        id: plan.id,
        version: plan.version,
        readUrl: planReadPath(plan.id),
        editUrl: planEditPath(plan.id, editSecret),
        editSecret,
      },
      201,
      { Location: planApiPath(plan.id), ETag: etag(plan.version) },
    );
  } catch (error) {
    return serverErrorResponse('api/plannen POST', error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.');
  }
}
