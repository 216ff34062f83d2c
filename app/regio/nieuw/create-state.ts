/** State of the create form's Server Action (shared by actions.ts and create-form.tsx). */

export const REGION_CREATE_FIELDS = ['name', 'startYear', 'endYear', 'members'] as const;
export type RegionCreateField = (typeof REGION_CREATE_FIELDS)[number];
export type RegionCreateValues = Record<RegionCreateField, string>;

export type RegionCreateState =
  | { status: 'editing' | 'invalid' | 'rate-limited' | 'error'; values: RegionCreateValues; errors: Record<string, string>; message: string | null }
  | {
      status: 'created';
      values: RegionCreateValues;
      errors: Record<string, never>;
      message: null;
      /** The edit link holds the secret: it exists only in this one response. */
      created: { name: string; readUrl: string; editUrl: string; readPath: string; editPath: string };
    };

export const regionCreateFieldId = (field: RegionCreateField) => `regio-${field}`;
