import { PLAN_RESPONSE_HEADERS, errorResponse, etag } from '@/lib/plans/http';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { regionFileName, regionToCsv } from '@/lib/regions/export';
import { getRegion } from '@/lib/regions/repository';

export const dynamic = 'force-dynamic';

/** GET /api/regio/<id>/export.csv: the split per member (see lib/regions/export.ts). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    const region = await getRegion(id);
    if (!region) return errorResponse(404, 'Dit regionale plan bestaat niet (meer). Controleer de link.');
    const body = regionToCsv(region, regionNames(getRegionContent()));
    return new Response(body, {
      headers: {
        ...PLAN_RESPONSE_HEADERS,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${regionFileName(region, 'csv')}"`,
        ETag: etag(region.version),
      },
    });
  } catch (error) {
    console.error('[api/regio/[id]/export.csv] mislukt:', error instanceof Error ? error.message : 'onbekende fout');
    return errorResponse(500, 'Het exporteren is mislukt. Probeer het opnieuw.');
  }
}
