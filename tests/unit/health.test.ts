import { describe, expect, it } from 'vitest';
import { checkHealth } from '@/lib/health';

describe('checkHealth', () => {
  it('is 200 when the database answers', async () => {
    expect(await checkHealth(async () => 1)).toEqual({ httpStatus: 200, body: { status: 'ok', database: 'ok' } });
  });
  it('is 503 when it does not', async () => {
    const res = await checkHealth(async () => {
      throw new Error('SQLITE_CANTOPEN');
    });
    expect(res.httpStatus).toBe(503);
    expect(res.body.database).toBe('unreachable');
  });
});
