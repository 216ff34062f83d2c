import { DEFAULT_BASIS, type FundingBasis } from '@/lib/plans/calculations';
import { errorResponse, etag, PLAN_RESPONSE_HEADERS, serverErrorResponse, sharedBytesResponse } from '@/lib/http/api';
import { planJsonBytes } from '@/lib/plans/plan-json';
import { authorizePlan, saveAuthorizedPlan } from '@/lib/plans/repository';
import { versionedWrite } from '@/lib/http/versioned-write';

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
    return sharedBytesResponse(json.body, { ETag: tag });
  } catch (error) {
    return serverErrorResponse('api/plannen/[id] GET', error);
  }
}

const WRITE_MESSAGES = {
  realm: 'plannen',
  notFound: NOT_FOUND,
  forbidden: 'Deze bewerkingssleutel hoort niet (meer) bij dit plan. Gebruik de nieuwste bewerkingslink.',
  stale:
    'Iemand anders heeft dit plan intussen opgeslagen. Uw wijzigingen zijn niet opgeslagen; laad de nieuwste versie en voer ze opnieuw in.',
};

/**
 * PUT /api/plannen/<id> with `Authorization: Bearer <secret>` and
 * `If-Match: "<version>"`, body {needs, lines, municipality?, title?,
 * startYear?, endYear?, contactNote?} (needs and lines replace the stored ones)
 * → 200 {version} with the new ETag. Refusals and their order: see
 * lib/http/versioned-write.ts (401 · 404 · 403/429 · 428 · 412 · 415 · 413 · 400 · 422 · 412).
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    return await versionedWrite(
      request,
      WRITE_MESSAGES,
      { kind: 'plan', id },
      async (secret) => {
        const auth = await authorizePlan(id, secret);
        return auth.ok ? { ok: true, doc: auth.plan } : auth;
      },
      saveAuthorizedPlan,
    );
  } catch (error) {
    return serverErrorResponse('api/plannen/[id] PUT', error);
  }
}
