import { getPlanContent } from '@/lib/plans/content-server';
import { exportFileName, planToXlsx } from '@/lib/plans/export';
import { PLAN_RESPONSE_HEADERS, errorResponse, etag } from '@/lib/plans/http';
import { getPlan } from '@/lib/plans/repository';

export const dynamic = 'force-dynamic';

/** GET /api/plannen/<id>/export.xlsx: the plan as a workbook with SUM formulas (see lib/plans/export.ts). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    const plan = await getPlan(id);
    if (!plan) return errorResponse(404, 'Dit plan bestaat niet (meer). Controleer de link.');
    const bytes = await planToXlsx(plan, getPlanContent());
    return new Response(bytes, {
      headers: {
        ...PLAN_RESPONSE_HEADERS,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${exportFileName(plan, 'xlsx')}"`,
        ETag: etag(plan.version),
      },
    });
  } catch (error) {
    console.error('[api/plannen/[id]/export.xlsx] mislukt:', error instanceof Error ? error.message : 'onbekende fout');
    return errorResponse(500, 'Het exporteren is mislukt. Probeer het opnieuw.');
  }
}
