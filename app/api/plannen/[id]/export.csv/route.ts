import { exportRoute } from '@/lib/http/export-route';
import { getPlanContent } from '@/lib/plans/content-server';
import { exportFileName, planToCsv } from '@/lib/plans/export';
import { getPlan } from '@/lib/plans/repository';

export const dynamic = 'force-dynamic';

/** GET /api/plannen/<id>/export.csv: the plan for Dutch Excel (see lib/plans/export.ts). */
export const GET = exportRoute({
  format: 'csv',
  notFoundMessage: 'Dit plan bestaat niet (meer). Controleer de link.',
  load: getPlan,
  render: (plan) => planToCsv(plan, getPlanContent()),
  fileName: (plan) => exportFileName(plan, 'csv'),
});
