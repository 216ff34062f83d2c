import { errorResponse, etag, jsonResponse, serverErrorResponse } from '@/lib/http/api';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { regionJson } from '@/lib/regions/region-json';
import { authorizeRegion, getRegion, saveAuthorizedRegion } from '@/lib/regions/repository';
import { listRegionLinks } from '@/lib/plans/repository';
import { versionedWrite } from '@/lib/http/versioned-write';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };
const NOT_FOUND = 'Dit regionale plan bestaat niet (meer). Controleer de link.';
const FORBIDDEN = 'Deze bewerkingssleutel hoort niet (meer) bij dit regionale plan. Gebruik de nieuwste bewerkingslink.';

/**
 * GET /api/regio/<id> → 200 {region, members, sharedItems, trajectoryItems,
 * split, handoffs, linkedPlans, links} with ETag "<version>". No 304:
 * hand-offs and links of municipal plans are recorded without a new version
 * (they do not change the plan's content), so the version alone cannot vouch
 * for a cached body.
 */
export async function GET(_request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    const region = await getRegion(id);
    if (!region) return errorResponse(404, NOT_FOUND);
    const links = await listRegionLinks(region.id);
    return jsonResponse(regionJson(region, regionNames(getRegionContent()), links), 200, { ETag: etag(region.version) });
  } catch (error) {
    return serverErrorResponse('api/regio/[id] GET', error);
  }
}

const WRITE_MESSAGES = {
  realm: 'regio',
  notFound: NOT_FOUND,
  forbidden: FORBIDDEN,
  stale:
    'Iemand anders heeft dit regionale plan intussen opgeslagen. Uw wijzigingen zijn niet opgeslagen; laad de nieuwste versie en voer ze opnieuw in.',
};

/**
 * PUT /api/regio/<id> with Bearer secret and If-Match, body = the whole
 * regional plan (as POST). Statuses and their order as PUT /api/plannen/<id>
 * (lib/http/versioned-write.ts): 401 · 404 · 403/429 · 428 · 412 {currentVersion} · 415 · 413 · 400 · 422 {errors} · 412.
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  try {
    const { id } = await context.params;
    return await versionedWrite(
      request,
      WRITE_MESSAGES,
      { kind: 'regio', id },
      async (secret) => {
        const auth = await authorizeRegion(id, secret);
        return auth.ok ? { ok: true, doc: auth.region } : auth;
      },
      saveAuthorizedRegion,
    );
  } catch (error) {
    return serverErrorResponse('api/regio/[id] PUT', error);
  }
}
