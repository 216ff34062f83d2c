import type { ReactNode } from 'react';

/**
 * Labelled form controls with their error message, GOV.UK / NL Design System
 * style: label, optional hint, the message in red above the control, and the
 * control pointing at both with aria-describedby (and aria-invalid). No hooks,
 * so server and client components can both use them.
 */

export const controlClass = 'block rounded border border-gray-600 bg-white px-2 py-1.5 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700';

export function describedBy(id: string, opts: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : '', opts.error ? `${id}-fout` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-fout`} className="mt-1 text-sm font-medium text-red-700">
      <span className="sr-only">Fout: </span>
      {message}
    </p>
  );
}

type FieldProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
};

export function TextField({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  className = '',
  inputClassName = '',
  multiline = false,
  ...rest
}: FieldProps & {
  defaultValue?: string;
  inputClassName?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  maxLength?: number;
}) {
  const common = {
    id,
    name,
    defaultValue,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, { hint: Boolean(hint), error: Boolean(error) }),
    className: `${controlClass} mt-1 ${inputClassName || 'w-full'}`,
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      {multiline ? <textarea rows={3} {...common} maxLength={rest.maxLength} /> : <input type="text" {...common} {...rest} />}
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  options,
  className = '',
}: FieldProps & { defaultValue?: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error) })}
        className={`${controlClass} mt-1 w-full`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ errors, labels, id = 'foutmeldingen' }: { errors: Record<string, string>; labels?: Record<string, string>; id?: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div id={id} role="alert" tabIndex={-1} aria-labelledby={`${id}-titel`} className="mb-6 border-4 border-red-700 bg-white p-4 focus:outline-none focus-visible:outline-[3px]">
      <h2 id={`${id}-titel`} className="text-xl font-bold text-red-800">
        Er is een probleem
      </h2>
      <p className="mt-1">Er is nog niets opgeslagen. Verbeter {entries.length === 1 ? 'het volgende' : `de volgende ${entries.length} punten`}:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === '_form' ? (
              <span className="font-medium text-red-800">{message}</span>
            ) : (
              <a href={`#${field}`} className="font-medium text-red-800 underline">
                {labels?.[field] ? `${labels[field]}: ` : ''}
                {message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
