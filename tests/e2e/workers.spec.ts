import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { z } from 'zod';

// `npm start` runs several server processes on one port (scripts/serve.mjs;
// the e2e server has WEB_CONCURRENCY=2), and each new connection may reach
// either. These tests open a NEW connection for every request, so consecutive
// requests land on different workers, and check that nothing a client relies
// on lives in one worker's memory.

type Reply = { status: number; etag: string | undefined; body: string };

function call(baseURL: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      // agent: false → a fresh connection, closed after the response.
      { method, agent: false, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const created = z.object({ id: z.string(), editSecret: z.string() });
const planBody = z.object({ plan: z.object({ title: z.string(), version: z.number() }) });

test('a save is visible at once to reads on every worker', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const post = await call(base, 'POST', '/api/plannen', {}, JSON.stringify({ municipality: 'Werkstad', title: 'Oud', startYear: 2026, endYear: 2027 }));
  expect(post.status).toBe(201);
  const { id, editSecret } = created.parse(JSON.parse(post.body));
  // Every worker caches the body of version 1.
  for (let i = 0; i < 6; i++) expect((await call(base, 'GET', `/api/plannen/${id}`)).etag).toBe('"1"');

  const put = await call(
    base,
    'PUT',
    `/api/plannen/${id}`,
    { authorization: `Bearer ${editSecret}`, 'if-match': '"1"' },
    JSON.stringify({ title: 'Nieuw', needs: [], lines: [] }),
  );
  expect(put.status).toBe(200);
  for (let i = 0; i < 6; i++) {
    const read = await call(base, 'GET', `/api/plannen/${id}`);
    expect(read.etag).toBe('"2"');
    expect(planBody.parse(JSON.parse(read.body)).plan).toEqual(expect.objectContaining({ title: 'Nieuw', version: 2 }));
  }
});

test('wrong edit secrets are counted across workers: the 21st wrong secret for a plan in the window is refused', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const post = await call(base, 'POST', '/api/plannen', {}, JSON.stringify({ municipality: 'Raadstad', title: 'Geheim', startYear: 2026, endYear: 2027 }));
  const { id, editSecret } = created.parse(JSON.parse(post.body));
  const wrong = { 'if-match': '"1"', authorization: `Bearer ${'x'.repeat(43)}` };
  // Default limit: 20 wrong secrets per 10 minutes per plan (lib/rate-limit.ts SECRET_DOC); the
  // per-address limit is raised for the e2e server (playwright.config.ts), as every test is 127.0.0.1.
  for (let i = 0; i < 20; i++) expect((await call(base, 'PUT', `/api/plannen/${id}`, wrong, '{}')).status).toBe(403);
  for (let i = 0; i < 4; i++) expect((await call(base, 'PUT', `/api/plannen/${id}`, wrong, '{}')).status).toBe(429);
  // The right secret is never refused for others' wrong guesses (lib/secret-attempts.ts).
  const save = await call(base, 'PUT', `/api/plannen/${id}`, { 'if-match': '"1"', authorization: `Bearer ${editSecret}` }, JSON.stringify({ needs: [], lines: [] }));
  expect(save.status).toBe(200);
});
