import { exportRoute } from '@/lib/http/export-route';
import { getPlanContent } from '@/lib/plans/content-server';
import { exportFileName, planToXlsx } from '@/lib/plans/export';
import { getPlan } from '@/lib/plans/repository';

export const dynamic = 'force-dynamic';

/** GET /api/plannen/<id>/export.xlsx: the plan as a workbook with SUM formulas (see lib/plans/export.ts). */
export const GET = exportRoute({
  format: 'xlsx',
  notFoundMessage: 'Dit plan bestaat niet (meer). Controleer de link.',
  load: getPlan,
  render: (plan) => planToXlsx(plan, getPlanContent()),
  fileName: (plan) => exportFileName(plan, 'xlsx'),
});
