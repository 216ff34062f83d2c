import { db } from '@/lib/db';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { httpStatus, body } = await checkHealth(() => db.$queryRaw`SELECT 1`);
  return Response.json(body, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } });
}
