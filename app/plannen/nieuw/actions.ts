'use server';

import { logFailure } from '@/lib/http/api';
import { failureMessage } from '@/lib/storage-errors';
import { headers } from 'next/headers';
import { getPlanContent } from '@/lib/plans/content-server';
import { createPlan } from '@/lib/plans/repository';
import { fieldErrors, planSchemas } from '@/lib/plans/schema';
import { planEditPath, planReadPath } from '@/lib/plans/urls';
import { clientKey, createPlanLimiter } from '@/lib/rate-limit';
import { requestOrigin } from '@/lib/request-origin';
import { CREATE_FIELDS, createFieldId, type CreateState, type CreateValues } from './create-state';

function readValues(form: FormData): CreateValues {
  const get = (field: string) => {
    const value = form.get(field);
    return typeof value === 'string' ? value : '';
  };
  return {
    municipality: get('municipality'),
    title: get('title'),
    startYear: get('startYear'),
    endYear: get('endYear'),
    contactNote: get('contactNote'),
    voorbeeld: get('voorbeeld'),
  };
}

/**
 * Creates a plan. Order: rate limit, safeParse with the API's schema, write.
 * The secret edit link is returned in the action state, i.e. only in the
 * response to this POST: it never appears in a URL we redirect to, so it is
 * not in access logs or browser history until the user opens it.
 */
export async function createPlanAction(_previous: CreateState, form: FormData): Promise<CreateState> {
  const values = readValues(form);
  const requestHeaders = await headers();
  let limit: Awaited<ReturnType<typeof createPlanLimiter.hit>>;
  try {
    limit = await createPlanLimiter.hit(clientKey(requestHeaders));
  } catch (error) {
    // The limit is a row in the database: when storage fails here, say so as the save would.
    logFailure('plannen/nieuw aanmaken', error);
    return { status: 'error', values, errors: {}, message: failureMessage(error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.') };
  }
  if (!limit.ok) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      status: 'rate-limited',
      values,
      errors: {},
      message: `U heeft in korte tijd veel plannen gemaakt. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    };
  }

  const input = { ...values, voorbeeld: values.voorbeeld === 'leeg' ? '' : values.voorbeeld };
  const parsed = planSchemas(getPlanContent()).createPlanSchema.safeParse(input);
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([path, message]) => {
        const field = CREATE_FIELDS.find((f) => f === path);
        return [field ? createFieldId(field) : '_form', message];
      }),
    );
    return { status: 'invalid', values, errors, message: null };
  }

  try {
    const result = await createPlan(parsed.data);
    if (!result.ok) return { status: 'invalid', values, errors: result.errors, message: null };
    const origin = requestOrigin(requestHeaders);
    const readPath = planReadPath(result.plan.id);
    const editPath = planEditPath(result.plan.id, result.editSecret);
    return {
      status: 'created',
      values,
      errors: {},
      message: null,
      created: { title: result.plan.title, readPath, editPath, readUrl: origin + readPath, editUrl: origin + editPath },
    };
  } catch (error) {
    // Only the message: form data never reaches the log.
    logFailure('plannen/nieuw aanmaken', error);
    return { status: 'error', values, errors: {}, message: failureMessage(error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.') };
  }
}
