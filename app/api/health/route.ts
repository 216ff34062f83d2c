import { currentHealth } from '@/lib/health-server';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health → 200 {status: "ok", database: "ok"} when a save can
 * succeed now; 503 {status: "unavailable", database: "unreachable" | "failing",
 * reason, message} with Retry-After otherwise (lib/health.ts lists the checks
 * and reasons).
 */
export async function GET() {
  const { httpStatus, body } = await currentHealth();
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (httpStatus !== 200) headers['Retry-After'] = '30';
  return Response.json(body, { status: httpStatus, headers });
}
