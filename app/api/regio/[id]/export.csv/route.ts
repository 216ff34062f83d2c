import { exportRoute } from '@/lib/http/export-route';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { regionFileName, regionToCsv } from '@/lib/regions/export';
import { getRegion } from '@/lib/regions/repository';

export const dynamic = 'force-dynamic';

/** GET /api/regio/<id>/export.csv: the split per member (see lib/regions/export.ts). */
export const GET = exportRoute({
  format: 'csv',
  notFoundMessage: 'Dit regionale plan bestaat niet (meer). Controleer de link.',
  load: getRegion,
  render: (region) => regionToCsv(region, regionNames(getRegionContent())),
  fileName: (region) => regionFileName(region, 'csv'),
});
