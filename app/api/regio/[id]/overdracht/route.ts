import { clientKey } from '@/lib/client-address';
import { TOO_MANY_WRONG_SECRETS, countWrongSecret } from '@/lib/secret-attempts';
import { bearerSecret, errorResponse, jsonResponse, readJsonBody, serverErrorResponse } from '@/lib/http/api';
import { planReadPath } from '@/lib/plans/urls';
import { HANDOFF_MESSAGES, handOff, wrongSecretDocument } from '@/lib/regions/handoff';

export const dynamic = 'force-dynamic';

/**
 * POST /api/regio/<id>/overdracht with `Authorization: Bearer <regional secret>`,
 * body {member: <index in members>, planLink: "<municipal plan edit link>", looptijd?: "structureel" | "tijdelijk"}
 * → 201 {memberName, planId, planVersion, planReadUrl, lineCount, removedLines, skippedYears}
 * (lineCount 0 with removedLines > 0: the share became zero, earlier lines were removed).
 * The hand-off of the edit page (lib/regions/handoff.ts), for scripts:
 * 401 no Bearer · 404 unknown region · 403 wrong regional secret or
 * wrong plan secret (429 past the wrong-secret limits) · 415/400/413 body · 422 {errors} invalid input or unknown
 * plan · 412 the municipal plan was saved in between (nothing written) ·
 * 422 the municipal plan cannot take the lines (no overlapping year, no share).
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    const secret = bearerSecret(request);
    if (!secret) {
      return errorResponse(401, 'Overnemen kan alleen met de bewerkingslink van het regionale plan (Authorization: Bearer <sleutel>).', {}, { 'WWW-Authenticate': 'Bearer realm="regio"' });
    }
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const input = body.value && typeof body.value === 'object' ? new Map<string, unknown>(Object.entries(body.value)) : new Map<string, unknown>();
    const result = await handOff({ regionId: id, regionSecret: secret, member: input.get('member'), planLink: input.get('planLink'), looptijd: input.get('looptijd') });
    // Secrets are checked first; only a wrong one counts (lib/secret-attempts.ts).
    const wrong = wrongSecretDocument({ regionId: id, planLink: input.get('planLink') }, result);
    if (wrong) {
      const limit = await countWrongSecret(clientKey(request.headers), wrong);
      if (!limit.ok) return errorResponse(429, TOO_MANY_WRONG_SECRETS, {}, { 'Retry-After': String(limit.retryAfterSeconds) });
    }
    if (result.ok) {
      const { ok: _ok, ...rest } = result;
      return jsonResponse({ ...rest, planReadUrl: planReadPath(result.planId) }, 201);
    }
    switch (result.reason) {
      case 'region-not-found':
        return errorResponse(404, HANDOFF_MESSAGES[result.reason]);
      case 'region-forbidden':
      case 'plan-forbidden':
        return errorResponse(403, HANDOFF_MESSAGES[result.reason]);
      case 'invalid':
        return errorResponse(422, HANDOFF_MESSAGES.invalid, { errors: result.errors });
      case 'plan-not-found':
        return errorResponse(422, HANDOFF_MESSAGES.invalid, { errors: { planLink: HANDOFF_MESSAGES[result.reason] } });
      case 'plan-conflict':
        return errorResponse(412, HANDOFF_MESSAGES[result.reason]);
      case 'plan-invalid':
        return errorResponse(422, `${HANDOFF_MESSAGES[result.reason]} ${result.message}`);
      case 'no-overlap':
      case 'nothing-to-hand-off':
      case 'nothing-in-plan-years':
        return errorResponse(422, HANDOFF_MESSAGES[result.reason]);
    }
  } catch (error) {
    return serverErrorResponse('api/regio/[id]/overdracht POST', error);
  }
}
