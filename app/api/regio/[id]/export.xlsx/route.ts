import { exportRoute } from '@/lib/http/export-route';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { regionFileName, regionToXlsx } from '@/lib/regions/export';
import { getRegion } from '@/lib/regions/repository';

export const dynamic = 'force-dynamic';

/** GET /api/regio/<id>/export.xlsx: the split per member (see lib/regions/export.ts). */
export const GET = exportRoute({
  format: 'xlsx',
  notFoundMessage: 'Dit regionale plan bestaat niet (meer). Controleer de link.',
  load: getRegion,
  render: (region) => regionToXlsx(region, regionNames(getRegionContent())),
  fileName: (region) => regionFileName(region, 'xlsx'),
});
