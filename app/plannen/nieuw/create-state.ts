/** State of the create form's Server Action (shared by actions.ts and create-form.tsx). */

export const CREATE_FIELDS = ['municipality', 'title', 'startYear', 'endYear', 'contactNote', 'voorbeeld'] as const;
export type CreateField = (typeof CREATE_FIELDS)[number];
export type CreateValues = Record<CreateField, string>;

export type CreateState =
  | { status: 'editing' | 'invalid' | 'rate-limited' | 'error'; values: CreateValues; errors: Record<string, string>; message: string | null }
  | {
      status: 'created';
      values: CreateValues;
      errors: Record<string, never>;
      message: null;
      /** Absolute links. The edit link holds the secret: it exists only in this one response. */
      created: { title: string; readUrl: string; editUrl: string; readPath: string; editPath: string };
    };

export function createFieldId(field: CreateField): string {
  return `plan-${field}`;
}
