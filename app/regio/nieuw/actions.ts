'use server';

import { logFailure } from '@/lib/http/api';
import { failureMessage } from '@/lib/storage-errors';
import { headers } from 'next/headers';
import { getRegionContent } from '@/lib/regions/content-server';
import { createRegion } from '@/lib/regions/repository';
import { fieldErrors, regionSchemas } from '@/lib/regions/schema';
import { regionEditPath, regionReadPath } from '@/lib/regions/urls';
import { clientKey, createPlanLimiter } from '@/lib/rate-limit';
import { requestOrigin } from '@/lib/request-origin';
import { REGION_CREATE_FIELDS, regionCreateFieldId, type RegionCreateState, type RegionCreateValues } from './create-state';

/**
 * Creates a regional plan: rate limit (shared with funding plans), safeParse
 * with the API's schema, write. The secret edit link is only in this
 * response's state, never in a URL we redirect to.
 */
export async function createRegionAction(_previous: RegionCreateState, form: FormData): Promise<RegionCreateState> {
  const get = (field: string) => {
    const value = form.get(field);
    return typeof value === 'string' ? value : '';
  };
  const values: RegionCreateValues = { name: get('name'), startYear: get('startYear'), endYear: get('endYear'), members: get('members') };
  const requestHeaders = await headers();
  let limit: Awaited<ReturnType<typeof createPlanLimiter.hit>>;
  try {
    limit = await createPlanLimiter.hit(clientKey(requestHeaders));
  } catch (error) {
    // The limit is a row in the database: when storage fails here, say so as the save would.
    logFailure('regio/nieuw aanmaken', error);
    return { status: 'error', values, errors: {}, message: failureMessage(error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.') };
  }
  if (!limit.ok) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return { status: 'rate-limited', values, errors: {}, message: `U heeft in korte tijd veel plannen gemaakt. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.` };
  }
  const parsed = regionSchemas(getRegionContent()).regionSchema.safeParse(values);
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([path, message]) => {
        const field = REGION_CREATE_FIELDS.find((f) => f === path);
        return [field ? regionCreateFieldId(field) : '_form', message];
      }),
    );
    return { status: 'invalid', values, errors, message: null };
  }
  try {
    const result = await createRegion(parsed.data);
    if (!result.ok) return { status: 'invalid', values, errors: result.errors, message: null };
    const origin = requestOrigin(requestHeaders);
    const readPath = regionReadPath(result.region.id);
    const editPath = regionEditPath(result.region.id, result.editSecret);
    return { status: 'created', values, errors: {}, message: null, created: { name: result.region.name, readPath, editPath, readUrl: origin + readPath, editUrl: origin + editPath } };
  } catch (error) {
    logFailure('regio/nieuw aanmaken', error);
    return { status: 'error', values, errors: {}, message: failureMessage(error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.') };
  }
}
