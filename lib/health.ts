export type Health = { status: 'ok' | 'unavailable'; database: 'ok' | 'unreachable' };

/**
 * Health of the app: reachable database or not. `probe` runs a trivial query;
 * it is a parameter so the failure path can be tested without breaking a real
 * database.
 */
export async function checkHealth(probe: () => Promise<unknown>): Promise<{ httpStatus: 200 | 503; body: Health }> {
  try {
    await probe();
    return { httpStatus: 200, body: { status: 'ok', database: 'ok' } };
  } catch {
    return { httpStatus: 503, body: { status: 'unavailable', database: 'unreachable' } };
  }
}
