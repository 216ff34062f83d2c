import { expect, test, type APIRequestContext } from '@playwright/test';
import { z } from 'zod';

// Issue 11, point 4: the edit form saves every plan the API accepts, and over
// the body limit (lib/limits.ts) it says so in Dutch and keeps the input.

const YEARS = Array.from({ length: 10 }, (_, i) => 2026 + i);
const LINES = 150; // PLAN_LIMITS.maxLines

const createdSchema = z.object({ id: z.string(), editUrl: z.string(), editSecret: z.string() });
const stateSchema = z.object({ plan: z.object({ version: z.number() }), lines: z.array(z.object({ note: z.string().nullable() })) });

/**
 * A plan at the line limit, every line with long texts in three-byte
 * characters: its save posts ~2.3 MB (the form and the previous action
 * state), over Next's default Server Action limit of 1 MB that once made
 * such a save answer 500, and over a 2 MiB limit this test once caught.
 */
async function largePlan(request: APIRequestContext) {
  const res = await request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Groot plan', startYear: YEARS[0], endYear: YEARS.at(-1) } });
  expect(res.status()).toBe(201);
  const created = createdSchema.parse(await res.json());
  const lines = Array.from({ length: LINES }, (_, i) => ({
    costCategory: 'interventies',
    customSourceName: `Fonds ${i} ${'€'.repeat(100)}`,
    looptijd: 'tijdelijk',
    status: 'afgewezen',
    rejectionReason: '€'.repeat(500),
    note: `Regel ${i}: ${'€'.repeat(980)}`,
    amounts: YEARS.map((year) => ({ year, amount: 1000 + i })),
  }));
  const put = await request.put(`/api/plannen/${created.id}`, {
    headers: { Authorization: `Bearer ${created.editSecret}`, 'If-Match': '"1"' },
    data: { needs: [], lines },
  });
  expect(put.status()).toBe(200);
  return created;
}

async function state(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/plannen/${id}`);
  expect(res.status()).toBe(200);
  return stateSchema.parse(await res.json());
}

test('a plan at the line limit with long notes saves through the form', async ({ page }) => {
  test.setTimeout(180_000);
  const plan = await largePlan(page.request);
  await page.goto(plan.editUrl);
  const note = page.getByLabel('Toelichting, regel 1', { exact: true });
  await note.fill('Gewijzigd via het formulier');
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible({ timeout: 60_000 });
  const stored = await state(page.request, plan.id);
  expect(stored.plan.version).toBe(3);
  expect(stored.lines).toHaveLength(LINES);
  expect(stored.lines[0]?.note).toBe('Gewijzigd via het formulier');
  expect(stored.lines[1]?.note).toBe(`Regel 1: ${'€'.repeat(980)}`);
});

test('over the body limit the form says so in Dutch, posts nothing and keeps the input', async ({ page }) => {
  test.setTimeout(120_000);
  const res = await page.request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Te groot', startYear: 2026, endYear: 2027 } });
  const created = createdSchema.parse(await res.json());
  await page.goto(created.editUrl);
  // maxLength stops typing, not a value set by a script (or a tampered form): 4.3 MB in the contact note.
  const contact = page.locator('[name="contactNote"]');
  const huge = 'x'.repeat(4_300_000);
  await contact.evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
  }, huge);
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wat u verstuurt is te groot: hoogstens 4 MB. Er is niets opgeslagen.' })).toBeVisible();
  expect(await contact.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(huge.length);
  expect((await state(page.request, created.id)).plan.version).toBe(1);
});
