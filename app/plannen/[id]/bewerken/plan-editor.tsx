'use client';

import { BodyLimitMessage, useBodyLimit } from '@/components/body-limit';
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { ConflictNotice } from '@/components/conflict-notice';
import { ErrorSummary, FieldError, TextField, controlClass, describedBy } from '@/components/form-fields';
import { TableScroll } from '@/components/table-scroll';
import { useUnsavedChanges } from '@/components/use-unsaved-changes';
import { formatEuro, parseEuro } from '@/lib/money';
import { draftKey, draftPrefix, parseDraft, sameValues, type Draft } from '@/lib/plans/draft';
import { duplicateLine, fillRight, isBlock, parsePastedGrid, planPaste } from '@/lib/plans/grid';
import { sourceYearWarning, type ValiditySource } from '@/lib/plans/validity';
import {
  CUSTOM_SOURCE,
  LOOPTIJD_OPTIONS,
  STATUS_OPTIONS,
  emptyLine,
  errorId,
  formDataToValues,
  formTotals,
  formYears,
  lineAmountName,
  lineFieldName,
  needFieldName,
  planFieldId,
  sumOf,
  type EditorState,
  type FormRowTotals,
  type LineFormValues,
  type PlanFormValues,
} from '@/lib/plans/form';
import { editPlanAction } from './actions';
import { regionNeeds, type RegionShare } from '@/lib/plans/region-shares';
import { RegionShareNeeds } from './region-share-needs';

export type SourceOption = {
  slug: string;
  naam: string;
  looptijd: 'tijdelijk' | 'structureel' | 'beide' | 'onbekend';
  /** /bronnen/<slug> */
  page: string;
  /** The wegwijzer, filtered on this cost category, at the source's law (and level, when it has one). */
  wegwijzer: string;
};
export type EditorCategory = { slug: string; naam: string; sources: SourceOption[] };

type Props = {
  planId: string;
  secret: string;
  readPath: string;
  initial: EditorState;
  categories: EditorCategory[];
  /** Names of all catalogue sources, for a line whose source no longer fits its category. */
  sourceNames: Record<string, string>;
  /** Validity dates of the catalogue's sources, for the warning on a line whose source has ended in its year. */
  validity: ValiditySource[];
  stored: { startYear: number; endYear: number };
  /** Shares of linked regional plans: read-only need (region-share-needs.tsx), counted in the live totals. */
  regionShares?: RegionShare[];
};

export const FORM_ID = 'plan-form';

const subscribe = () => () => {};
const useHydrated = () => useSyncExternalStore(subscribe, () => true, () => false);

const newRowKey = () => `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const gapText = (gap: number) => (gap < 0 ? `${formatEuro(-gap)} over` : formatEuro(gap));

/**
 * The edit form of a plan. Server-rendered and fully usable as a plain form
 * post (the Server Action handles saving, adding and removing rows, and
 * restoring). With JavaScript it adds and removes rows without a round trip
 * and recomputes totals from the form on every keystroke, with the same
 * parsing (lib/plans/form.ts, lib/money.ts) the server uses.
 *
 * Fields are uncontrolled: each action result carries a new `nonce`, and the
 * fields re-mount with the values of that result (the stored plan after a
 * save; the posted values after a refusal).
 */
export function PlanEditor({ planId, secret, readPath, initial, categories, sourceNames, validity, stored, regionShares = [] }: Props) {
  const validityContent = { bronnen: validity };
  const warningFor = (source: string, year: string) => (/^\d{4}$/.test(year) ? sourceYearWarning(validityContent, source, Number(year)) : null);
  const [state, formAction, pending] = useActionState(editPlanAction, initial);
  const bodyLimit = useBodyLimit(state);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<string | null>(null);
  // Warn when leaving with edits; the stored plan is "unchanged" again after each save or restore.
  useUnsavedChanges(FORM_ID, state.status === 'idle' || state.status === 'saved' || state.status === 'restored' ? state.nonce : null);

  // Rows and live values follow the latest action result; in between, the user edits them locally.
  const [local, setLocal] = useState({ nonce: state.nonce, lines: state.values.lines, live: state.values });
  let view = local;
  if (local.nonce !== state.nonce) {
    view = { nonce: state.nonce, lines: state.values.lines, live: state.values };
    setLocal(view);
  }
  // A draft restored from this browser replaces the values the fields mount with, until the next action result.
  const [restored, setRestored] = useState<{ nonce: string; values: EditorState['values'] } | null>(null);
  const shown = restored?.nonce === state.nonce ? restored.values : state.values;
  const draft = useDraft(planId, state, view.live);

  function restoreDraft(values: EditorState['values']) {
    setRestored({ nonce: state.nonce, values });
    setLocal({ nonce: state.nonce, lines: values.lines, live: values });
    draft.dismiss();
    setAnnouncement('Het concept is teruggezet. Sla op om het te bewaren.');
  }

  const years = formYears(state.values, stored);
  const totals = formTotals(view.live, categories.map((c) => c.slug), years, regionNeeds(regionShares, years[0] ?? 0, years.at(-1) ?? 0));
  const errors = state.errors;

  useEffect(() => {
    if (state === initial) return;
    const target = state.status === 'invalid' ? 'foutmeldingen' : (state.focus ?? 'editor-melding');
    document.getElementById(target)?.focus();
  }, [state, initial]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [local.lines]);

  function recalc() {
    const form = formRef.current;
    if (!form) return;
    const live = formDataToValues(new FormData(form));
    setLocal((l) => ({ ...l, live }));
  }

  function addRow(event: MouseEvent<HTMLButtonElement>, category: string) {
    event.preventDefault();
    const row = emptyLine(newRowKey(), category);
    pendingFocus.current = lineFieldName(row.key, 'source');
    setLocal((l) => ({ ...l, lines: [...l.lines, row], live: { ...l.live, lines: [...l.live.lines, row] } }));
  }

  function removeRow(event: MouseEvent<HTMLButtonElement>, key: string, category: string) {
    event.preventDefault();
    pendingFocus.current = `toevoegen-${category}`;
    setLocal((l) => ({
      ...l,
      lines: l.lines.filter((r) => r.key !== key),
      live: { ...l.live, lines: l.live.lines.filter((r) => r.key !== key) },
    }));
  }

  /** Replaces the rows (and re-mounts their inputs with these values): fill right and duplicate. */
  function replaceRows(lines: LineFormValues[], focus: string) {
    pendingFocus.current = focus;
    setLocal((l) => ({ ...l, lines, live: { ...l.live, lines } }));
  }

  function fillRow(event: MouseEvent<HTMLButtonElement>, key: string) {
    event.preventDefault();
    const form = formRef.current;
    if (!form) return;
    const current = formDataToValues(new FormData(form));
    // A new row key re-mounts the row's (uncontrolled) inputs with the filled values; the line id travels in its own field.
    const fresh = newRowKey();
    replaceRows(
      current.lines.map((l) => (l.key === key ? { ...fillRight(l, years), key: fresh } : l)),
      lineFieldName(fresh, 'source'),
    );
    setAnnouncement('Het eerste bedrag van de regel staat nu in elk jaar.');
  }

  function duplicateRow(event: MouseEvent<HTMLButtonElement>, key: string) {
    event.preventDefault();
    const form = formRef.current;
    if (!form) return;
    const current = formDataToValues(new FormData(form));
    const index = current.lines.findIndex((l) => l.key === key);
    const row = current.lines[index];
    if (!row) return;
    const copy = duplicateLine(row, newRowKey());
    replaceRows([...current.lines.slice(0, index + 1), copy, ...current.lines.slice(index + 1)], lineFieldName(copy.key, 'source'));
    setAnnouncement('De regel is gedupliceerd; de kopie staat eronder.');
  }

  const [announcement, setAnnouncement] = useState('');
  const labels = errorLabels(categories, view.lines, years);

  return (
    <form id={FORM_ID} ref={formRef} action={formAction} noValidate onChange={recalc} onSubmit={bodyLimit.onSubmit} aria-describedby="editor-uitleg">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="sleutel" value={secret} />
      <input type="hidden" name="version" value={state.version} />

      <BodyLimitMessage message={bodyLimit.message} />
      <StatusMessage state={state} readPath={readPath} />
      {draft.offer && (
        <div role="region" aria-label="Niet-opgeslagen concept" className="no-print mb-6 border-l-4 border-amber-700 bg-accent-100 px-4 py-3">
          <p className="font-medium">
            Er is een niet-opgeslagen concept van dit plan in deze browser, van {new Date(draft.offer.savedAt).toLocaleString('nl-NL')}.
          </p>
          <p className="mt-1">Het is gebaseerd op versie {state.version}, de versie die u nu bewerkt.</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <button type="button" onClick={() => draft.offer && restoreDraft(draft.offer.values)} className="rounded bg-brand-700 px-3 py-1 font-medium text-white hover:bg-brand-800">
              Concept terugzetten
            </button>
            <button type="button" onClick={draft.discard} className="rounded border-2 border-brand-700 bg-white px-3 py-1 font-medium text-brand-700 hover:bg-brand-50">
              Concept weggooien
            </button>
          </div>
        </div>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      {/* A stale save's merge stays in the form (with its choices) until a save goes through. */}
      {state.conflict && (
        <ConflictNotice id={state.status === 'conflict' ? 'editor-melding' : 'samenvoegen'} conflict={state.conflict} readPath={readPath} noun="dit plan" errors={errors} />
      )}

      <p id="editor-uitleg" className="max-w-3xl">
        Bedragen in hele euro’s, bijvoorbeeld <span className="whitespace-nowrap">12.500</span> of{' '}
        <span className="whitespace-nowrap">€ 1.234</span>. Financiering telt mee als ze <strong>toegezegd</strong> of{' '}
        <strong>aangevraagd</strong> is; ideeën staan apart en afgewezen aanvragen tellen niet mee.
        <span className="sm:hidden"> Op een smal scherm kunt u de tabellen opzij schuiven.</span>
      </p>
      <div className="no-print mt-3 flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} />
        <span className="text-sm text-muted">U bewerkt versie {state.version}.</span>
      </div>

      <div key={`${state.nonce}${restored?.nonce === state.nonce ? '-concept' : ''}`}>
        <fieldset className="mt-6 rounded border border-gray-300 p-4">
          <legend className="px-1 text-xl font-semibold text-brand-800">Gegevens van het plan</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id={planFieldId('municipality')} name="municipality" label="Gemeente of regio" defaultValue={shown.municipality} error={errors[planFieldId('municipality')]} maxLength={120} />
            <TextField id={planFieldId('title')} name="title" label="Titel" defaultValue={shown.title} error={errors[planFieldId('title')]} maxLength={200} />
            <div className="flex flex-wrap gap-4">
              <TextField id={planFieldId('startYear')} name="startYear" label="Eerste jaar" defaultValue={shown.startYear} error={errors[planFieldId('startYear')]} inputMode="numeric" inputClassName="w-28" maxLength={4} />
              <TextField id={planFieldId('endYear')} name="endYear" label="Laatste jaar" defaultValue={shown.endYear} error={errors[planFieldId('endYear')]} inputMode="numeric" inputClassName="w-28" maxLength={4} />
            </div>
            <TextField
              id={planFieldId('contactNote')}
              name="contactNote"
              label="Contactnotitie (optioneel)"
              defaultValue={shown.contactNote}
              error={errors[planFieldId('contactNote')]}
              multiline
              maxLength={2000}
            />
          </div>
          <p className="mt-2 text-sm text-muted">Andere jaren? Sla op; daarna toont het formulier de kolommen van de nieuwe looptijd.</p>
        </fieldset>

        {categories.map((category) => (
          <CategorySection
            key={category.slug}
            category={category}
            years={years}
            values={shown}
            rows={view.lines.filter((l) => l.costCategory === category.slug)}
            totals={totals.categories[category.slug]}
            errors={errors}
            hydrated={hydrated}
            sourceNames={sourceNames}
            warningFor={warningFor}
            focus={state.focus}
            onAdd={addRow}
            onRemove={removeRow}
            onFill={fillRow}
            onDuplicate={duplicateRow}
            onAnnounce={setAnnouncement}
            onRecalc={recalc}
            live={view.live.lines}
            regionShares={regionShares}
          />
        ))}
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </div>

      <section aria-labelledby="totaal-titel" className="mt-8">
        <h2 id="totaal-titel" className="text-xl font-semibold text-brand-800">
          Totaal van het plan
        </h2>
        <TotalsTable caption="Behoefte en dekking per jaar, alle kostensoorten" years={years} totals={totals.total} />
        {totals.unreadable > 0 && (
          <p className="mt-2 text-sm font-medium text-red-700">
            {totals.unreadable === 1 ? '1 bedrag is' : `${totals.unreadable} bedragen zijn`} niet te lezen en tellen niet mee.
          </p>
        )}
      </section>

      <div className="no-print mt-6 flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} />
      </div>
    </form>
  );
}

/**
 * Keeps the form as a draft in this browser while the user types (per plan
 * and version, never the secret: lib/plans/draft.ts), offers it back when the
 * page opens on the same version, and forgets it once the plan is saved.
 */
function useDraft(planId: string, state: EditorState, live: EditorState['values']) {
  const key = draftKey(planId, state.version);
  // Read from storage like any outside store (null on the server and without storage).
  const stored = useSyncExternalStore(subscribe, () => readStorage(key), () => null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const found = parseDraft(stored);
  // Offer it only before the user has typed anything (after that, the draft being written is their own typing).
  const untouched = sameValues(live, state.values);
  const offer = found && stored !== dismissed && untouched && !sameValues(found.values, state.values) ? found : null;

  // After a save or restore, every draft of this plan is out of date.
  useEffect(() => {
    if (state.status !== 'saved' && state.status !== 'restored') return;
    try {
      for (const k of Object.keys(localStorage)) if (k.startsWith(draftPrefix(planId))) localStorage.removeItem(k);
    } catch {
      // Storage unavailable: there were no drafts either.
    }
  }, [planId, state]);

  // While typing: write the draft, a little after the last change.
  useEffect(() => {
    if (untouched) return;
    const timer = setTimeout(() => {
      try {
        localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values: live } satisfies Draft));
      } catch {
        // Full or unavailable storage: the draft is a convenience, the form itself keeps working.
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [key, live, untouched]);

  return {
    offer,
    dismiss: () => setDismissed(stored),
    discard: () => {
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing stored, nothing to remove.
      }
      setDismissed(stored);
    },
  };
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function SaveButton({ pending }: { pending: boolean }) {
  return (
    <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
      {pending ? 'Bezig met opslaan…' : 'Plan opslaan'}
    </button>
  );
}

function StatusMessage({ state, readPath }: { state: EditorState; readPath: string }) {
  const box = 'mb-6 border-l-4 px-4 py-3 focus:outline-none focus-visible:outline-[3px]';
  switch (state.status) {
    case 'idle':
      return null;
    case 'saved':
    case 'restored':
    case 'edited':
      return state.message ? (
        <p id="editor-melding" role="status" tabIndex={-1} className={`${box} border-emerald-700 bg-emerald-50 font-medium`}>
          {state.message}
        </p>
      ) : null;
    case 'conflict':
      // The ConflictNotice beside this message says it all.
      return null;
    case 'forbidden':
      return (
        <div id="editor-melding" role="alert" tabIndex={-1} className={`${box} border-red-700 bg-red-50`}>
          <p className="font-medium">
            Deze bewerkingslink werkt niet (meer). Er is niets opgeslagen; uw invoer staat hieronder nog.
          </p>
          <p className="mt-1">
            Misschien is er intussen een nieuwe bewerkingslink gemaakt. Vraag die aan wie het plan beheert, of{' '}
            <a href={readPath} className="text-brand-700 underline">
              bekijk het plan
            </a>
            .
          </p>
        </div>
      );
    case 'not-found':
      return (
        <p id="editor-melding" role="alert" tabIndex={-1} className={`${box} border-red-700 bg-red-50 font-medium`}>
          Dit plan bestaat niet (meer). Er is niets opgeslagen.
        </p>
      );
    case 'invalid':
      // The error summary says it all.
      return null;
    case 'rate-limited':
    case 'error':
      return (
        <p id="editor-melding" role="alert" tabIndex={-1} className={`${box} border-red-700 bg-red-50 font-medium`}>
          {state.message}
        </p>
      );
  }
}

function TotalsTable({ caption, years, totals, needInputs }: { caption: string; years: number[]; totals: FormRowTotals | undefined; needInputs?: ReactNode[] }) {
  const t = totals ?? { need: [], funded: [], ideas: [], gap: [] };
  const cell = 'border-b border-gray-200 px-2 py-1.5 text-right tabular-nums';
  const rowHead = 'border-b border-gray-200 py-1.5 pr-3 text-left font-medium';
  return (
    <TableScroll label={`Tabel ${caption}`} className="mt-2">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-1 pr-3 text-left">
              <span className="sr-only">Wat</span>
            </th>
            {years.map((y) => (
              <th key={y} scope="col" className="px-2 py-1 text-right">
                {y}
              </th>
            ))}
            <th scope="col" className="px-2 py-1 text-right">
              Totaal
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className={rowHead}>
              Behoefte
            </th>
            {years.map((y, i) =>
              needInputs ? (
                <td key={y} className="border-b border-gray-200 px-1 py-1 text-right align-top">
                  {needInputs[i]}
                </td>
              ) : (
                <td key={y} className={cell}>
                  {formatEuro(t.need[i] ?? 0)}
                </td>
              ),
            )}
            <td className={`${cell} font-semibold`}>{formatEuro(sumOf(t.need))}</td>
          </tr>
          <tr>
            <th scope="row" className={rowHead}>
              Financiering <span className="block text-xs font-normal">toegezegd en aangevraagd</span>
            </th>
            {years.map((y, i) => (
              <td key={y} className={cell}>
                {formatEuro(t.funded[i] ?? 0)}
              </td>
            ))}
            <td className={`${cell} font-semibold`}>{formatEuro(sumOf(t.funded))}</td>
          </tr>
          <tr className="bg-brand-50">
            <th scope="row" className={`${rowHead} font-bold`}>
              Tekort
            </th>
            {years.map((y, i) => (
              <td key={y} className={`${cell} font-semibold`}>
                {gapText(t.gap[i] ?? 0)}
              </td>
            ))}
            <td className={`${cell} font-bold`}>{gapText(sumOf(t.gap))}</td>
          </tr>
          <tr>
            <th scope="row" className={`${rowHead} font-normal text-muted`}>
              Ideeën <span className="block text-xs">tellen nog niet mee</span>
            </th>
            {years.map((y, i) => (
              <td key={y} className={`${cell} text-muted`}>
                {formatEuro(t.ideas[i] ?? 0)}
              </td>
            ))}
            <td className={`${cell} text-muted`}>{formatEuro(sumOf(t.ideas))}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

type SectionProps = {
  category: EditorCategory;
  years: number[];
  values: PlanFormValues;
  rows: LineFormValues[];
  totals: FormRowTotals | undefined;
  errors: Record<string, string>;
  hydrated: boolean;
  sourceNames: Record<string, string>;
  warningFor: (source: string, year: string) => string | null;
  /** Field to focus on load (after a row was added or removed without JavaScript). */
  focus: string | null;
  onAdd: (event: MouseEvent<HTMLButtonElement>, category: string) => void;
  onRemove: (event: MouseEvent<HTMLButtonElement>, key: string, category: string) => void;
  onFill: (event: MouseEvent<HTMLButtonElement>, key: string) => void;
  onDuplicate: (event: MouseEvent<HTMLButtonElement>, key: string) => void;
  onAnnounce: (message: string) => void;
  onRecalc: () => void;
  /** The rows' current values (as typed), for row totals and warnings. */
  live: LineFormValues[];
  regionShares: RegionShare[];
};

const AMOUNT_ID = /^line-([A-Za-z0-9_-]{1,64})-amount-(\d{4})$/;

function CategorySection({ category, years, values, rows, totals, errors, hydrated, sourceNames, warningFor, focus, onAdd, onRemove, onFill, onDuplicate, onAnnounce, onRecalc, live, regionShares }: SectionProps) {
  const [pasteProblems, setPasteProblems] = useState<string[]>([]);
  const rowKeys = rows.map((r) => r.key);
  const cellOf = (target: EventTarget) => {
    if (!(target instanceof HTMLInputElement)) return null;
    const match = AMOUNT_ID.exec(target.id);
    if (!match) return null;
    const row = rowKeys.indexOf(match[1] ?? '');
    const column = years.indexOf(Number(match[2]));
    return row >= 0 && column >= 0 ? { input: target, row, column } : null;
  };

  // Enter moves down a column as in a spreadsheet (Shift+Enter up), instead of submitting the form.
  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.key !== 'Enter') return;
    const cell = cellOf(event.target);
    if (!cell) return;
    event.preventDefault();
    const key = rowKeys[cell.row + (event.shiftKey ? -1 : 1)];
    const year = years[cell.column];
    if (key !== undefined && year !== undefined) document.getElementById(lineAmountName(key, year))?.focus();
  }

  // A block of cells pasted from a spreadsheet fills the grid from this cell (rows down, years right).
  function onPaste(event: ClipboardEvent<HTMLTableElement>) {
    const cell = cellOf(event.target);
    const text = event.clipboardData.getData('text/plain');
    if (!cell || !isBlock(text)) return;
    event.preventDefault();
    const plan = planPaste(parsePastedGrid(text), rowKeys, years, cell.row, cell.column);
    for (const [name, value] of Object.entries(plan.values)) {
      const input = document.getElementById(name);
      if (input instanceof HTMLInputElement) input.value = value;
    }
    // Values set from a script fire no input event; this one tells the unsaved-changes warning (and drafts) that the form changed.
    cell.input.dispatchEvent(new Event('input', { bubbles: true }));
    const outside = [
      plan.outside.rows > 0 ? `${plan.outside.rows} ${plan.outside.rows === 1 ? 'rij viel' : 'rijen vielen'} onder de tabel (voeg eerst regels toe)` : '',
      plan.outside.columns > 0 ? `${plan.outside.columns} ${plan.outside.columns === 1 ? 'kolom viel' : 'kolommen vielen'} na het laatste jaar` : '',
    ].filter(Boolean);
    setPasteProblems([...plan.problems, ...(outside.length > 0 ? [`Niet geplakt: ${outside.join('; ')}.`] : [])]);
    onAnnounce(`${Object.keys(plan.values).length} cellen geplakt.${plan.problems.length > 0 ? ` ${plan.problems.length} cellen zijn geen bedrag.` : ''}`);
    onRecalc();
  }

  const headingId = `kostensoort-${category.slug}`;
  const needInputs = years.map((year) => {
    const name = needFieldName(category.slug, year);
    const error = errors[name];
    return (
      <div key={year}>
        <label htmlFor={name} className="sr-only">
          Behoefte {category.naam} {year}
        </label>
        <input
          type="text"
          id={name}
          name={name}
          defaultValue={values.needs[name] ?? ''}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId(name) : undefined}
          className={`${controlClass} ml-auto w-28 text-right tabular-nums`}
        />
        <FieldError id={name} message={error} />
      </div>
    );
  });
  const th = 'px-2 py-1 text-left align-bottom';
  return (
    <section aria-labelledby={headingId} className="mt-8 break-inside-avoid-page">
      <h2 id={headingId} className="text-xl font-semibold text-brand-800">
        {category.naam}
      </h2>
      <TotalsTable caption={`Behoefte en dekking per jaar: ${category.naam}`} years={years} totals={totals} needInputs={needInputs} />
      <RegionShareNeeds shares={regionShares} category={category.slug} categoryName={category.naam} years={years} />

      <TableScroll label={`Tabel financieringsregels ${category.naam}`} className="mt-4">
        <table className="w-full min-w-[64rem] border-collapse text-sm" onKeyDown={onKeyDown} onPaste={onPaste}>
          <caption className="mb-1 text-left font-semibold">Financieringsregels: {category.naam}</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className={`${th} w-[24%]`}>
                Financieringsbron
              </th>
              {years.map((year) => (
                <th key={year} scope="col" className={`${th} text-right`}>
                  {year} (€)
                </th>
              ))}
              <th scope="col" className={`${th} text-right`}>
                Totaal
              </th>
              <th scope="col" className={th}>
                Looptijd
              </th>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={`${th} w-[22%]`}>
                Toelichting
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">Verwijderen</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={years.length + 6} className="py-2 text-muted">
                  Nog geen financieringsregels voor {category.naam.toLowerCase()}.
                </td>
              </tr>
            )}
            {rows.map((row, i) => (
              <LineRow
                key={row.key}
                row={row}
                number={i + 1}
                category={category}
                years={years}
                errors={errors}
                hydrated={hydrated}
                sourceNames={sourceNames}
                warningFor={warningFor}
                focus={focus}
                onRemove={onRemove}
                onFill={onFill}
                onDuplicate={onDuplicate}
                live={live.find((l) => l.key === row.key)}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pasteProblems.length > 0 && (
        <div role="alert" className="mt-2 border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm">
          <p className="font-medium">Niet alles wat u plakte is een bedrag:</p>
          <ul className="list-disc pl-5">
            {pasteProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="no-print mt-1 text-sm text-muted">
        Tip: plak een blok cellen uit Excel in een bedrag; het vult de regels eronder en de jaren ernaast. Enter gaat naar de regel
        eronder.
      </p>
      <button
        type="submit"
        id={`toevoegen-${category.slug}`}
        name="intent"
        value={`add:${category.slug}`}
        autoFocus={focus === `toevoegen-${category.slug}`}
        onClick={(e) => onAdd(e, category.slug)}
        className="no-print mt-2 rounded border-2 border-brand-700 bg-white px-3 py-1 font-medium text-brand-700 hover:bg-brand-50"
      >
        Regel toevoegen<span className="sr-only"> bij {category.naam}</span>
      </button>
    </section>
  );
}

type LineRowProps = {
  row: LineFormValues;
  number: number;
  category: EditorCategory;
  years: number[];
  errors: Record<string, string>;
  hydrated: boolean;
  sourceNames: Record<string, string>;
  warningFor: (source: string, year: string) => string | null;
  focus: string | null;
  onRemove: SectionProps['onRemove'];
  onFill: SectionProps['onFill'];
  onDuplicate: SectionProps['onDuplicate'];
  live: LineFormValues | undefined;
};

function LineRow({ row, number, category, years, errors, hydrated, sourceNames, warningFor, focus, onRemove, onFill, onDuplicate, live }: LineRowProps) {
  const [source, setSource] = useState(row.source);
  const amounts = (live ?? row).amounts;
  // One sentence per distinct warning, for the years in which this row has money on a source that has then ended.
  const warnings = [...new Set(years.filter((y) => (amounts[String(y)] ?? '').trim() !== '').map((y) => warningFor(source, String(y))).filter((w) => w !== null))];
  const warningId = `${lineFieldName(row.key, 'source')}-waarschuwing`;
  const total = years.reduce((sum, y) => {
    const parsed = parseEuro(amounts[String(y)] ?? '');
    return sum + (parsed.ok ? parsed.value : 0);
  }, 0);
  const [status, setStatus] = useState(row.status);
  const looptijdRef = useRef<HTMLSelectElement>(null);
  const f = (field: Parameters<typeof lineFieldName>[1]) => lineFieldName(row.key, field);
  const option = category.sources.find((s) => s.slug === source);
  // Keep a stored source that no longer fits this category selectable, instead of silently dropping it.
  const stray = row.source && row.source !== CUSTOM_SOURCE && !category.sources.some((s) => s.slug === row.source) ? row.source : null;
  // Without JavaScript every optional input is shown; with it, only when it applies.
  const showCustom = !hydrated || source === CUSTOM_SOURCE || row.customSourceName !== '' || Boolean(errors[f('customSourceName')]);
  const showReason = !hydrated || status === 'afgewezen' || row.rejectionReason !== '' || Boolean(errors[f('rejectionReason')]);

  const control = (field: Parameters<typeof lineFieldName>[1]) => {
    const id = f(field);
    const error = errors[id];
    return {
      id,
      name: id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, { error: Boolean(error) }),
    } as const;
  };
  const label = (field: Parameters<typeof lineFieldName>[1], text: string) => (
    <label htmlFor={f(field)} className="sr-only">
      {text}, regel {number}
    </label>
  );
  const td = 'border-b border-gray-200 px-2 py-2 align-top';

  return (
    <tr>
      <td className={td}>
        <input type="hidden" name="line" value={row.key} />
        <input type="hidden" name={f('id')} value={row.id} />
        <input type="hidden" name={f('costCategory')} value={row.costCategory} />
        {label('source', 'Financieringsbron')}
        <FieldError id={f('source')} message={errors[f('source')]} />
        <select
          {...control('source')}
          defaultValue={row.source}
          autoFocus={focus === f('source')}
          className={`${controlClass} w-full min-w-[14rem]`}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setSource(value);
            const chosen = category.sources.find((s) => s.slug === value);
            // A source that is only temporary (or only structural) decides the looptijd.
            if (chosen && (chosen.looptijd === 'tijdelijk' || chosen.looptijd === 'structureel') && looptijdRef.current) looptijdRef.current.value = chosen.looptijd;
          }}
        >
          <option value="">Kies een financieringsbron</option>
          {category.sources.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.naam}
            </option>
          ))}
          {stray && <option value={stray}>{sourceNames[stray] ?? stray} (past niet bij deze kostensoort)</option>}
          <option value={CUSTOM_SOURCE}>Andere financieringsbron (vrije tekst)</option>
        </select>
        {warnings.map((w) => (
          <p key={w} id={warningId} className="mt-1 rounded bg-red-50 px-1.5 py-1 text-xs text-red-900">
            <span className="font-semibold">Let op:</span> {w}
          </p>
        ))}
        {option && (
          <p className="mt-1 text-xs">
            <a href={option.page} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
              Over deze financieringsbron<span className="sr-only">: {option.naam} (opent in een nieuw tabblad)</span>
            </a>
            {' · '}
            <a href={option.wegwijzer} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
              In de wegwijzer<span className="sr-only">: {option.naam} (opent in een nieuw tabblad)</span>
            </a>
          </p>
        )}
        <div hidden={!showCustom} className="mt-2">
          <label htmlFor={f('customSourceName')} className="block text-xs font-medium">
            Andere financieringsbron (vrije tekst)<span className="sr-only">, regel {number}</span>
          </label>
          <FieldError id={f('customSourceName')} message={errors[f('customSourceName')]} />
          <input type="text" {...control('customSourceName')} defaultValue={row.customSourceName} maxLength={120} className={`${controlClass} w-full`} />
          {source === CUSTOM_SOURCE && <p className="mt-1 text-xs text-muted">Eigen financieringsbron: staat niet in de catalogus van de wegwijzer.</p>}
        </div>
      </td>
      {years.map((year) => {
        const name = lineAmountName(row.key, year);
        const error = errors[name];
        return (
          <td key={year} className={`${td} text-right`}>
            <label htmlFor={name} className="sr-only">
              Bedrag {year}, regel {number}
            </label>
            <FieldError id={name} message={error} />
            <input
              type="text"
              id={name}
              name={name}
              inputMode="decimal"
              defaultValue={row.amounts[String(year)] ?? ''}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={[error ? errorId(name) : null, warnings.length > 0 ? warningId : null].filter(Boolean).join(' ') || undefined}
              className={`${controlClass} w-28 text-right tabular-nums`}
            />
          </td>
        );
      })}
      <td className={`${td} text-right font-semibold tabular-nums`}>{formatEuro(total)}</td>
      <td className={td}>
        {label('looptijd', 'Looptijd')}
        <FieldError id={f('looptijd')} message={errors[f('looptijd')]} />
        <select ref={looptijdRef} {...control('looptijd')} defaultValue={row.looptijd} className={controlClass}>
          {LOOPTIJD_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td className={td}>
        {label('status', 'Status')}
        <FieldError id={f('status')} message={errors[f('status')]} />
        <select {...control('status')} defaultValue={row.status} onChange={(e) => setStatus(e.currentTarget.value)} className={controlClass}>
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <div hidden={!showReason} className="mt-2">
          <label htmlFor={f('rejectionReason')} className="block text-xs font-medium">
            Reden van afwijzing<span className="sr-only">, regel {number}</span>
          </label>
          <FieldError id={f('rejectionReason')} message={errors[f('rejectionReason')]} />
          <input type="text" {...control('rejectionReason')} defaultValue={row.rejectionReason} maxLength={500} className={`${controlClass} w-full`} />
        </div>
      </td>
      <td className={td}>
        {label('note', 'Toelichting')}
        <FieldError id={f('note')} message={errors[f('note')]} />
        <textarea {...control('note')} defaultValue={row.note} rows={2} maxLength={1000} className={`${controlClass} w-full`} />
      </td>
      <td className={td}>
        <div className="no-print flex flex-col items-start gap-1">
          <button
            type="submit"
            name="intent"
            value={`fill:${row.key}`}
            onClick={(e) => onFill(e, row.key)}
            className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50"
          >
            Zelfde bedrag voor alle jaren<span className="sr-only">, regel {number}</span>
          </button>
          <button
            type="submit"
            name="intent"
            value={`dup:${row.key}`}
            onClick={(e) => onDuplicate(e, row.key)}
            className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50"
          >
            Regel dupliceren<span className="sr-only"> {number}</span>
          </button>
          <button
            type="submit"
            name="intent"
            value={`remove:${row.key}`}
            onClick={(e) => onRemove(e, row.key, row.costCategory)}
            className="rounded border border-red-700 px-2 py-1 text-sm text-red-800 hover:bg-red-50"
          >
            Verwijderen<span className="sr-only"> regel {number}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** "Interventies, regel 2: bedrag" etc., so the error summary says where each problem is. */
function errorLabels(categories: EditorCategory[], lines: LineFormValues[], years: number[]): Record<string, string> {
  const labels: Record<string, string> = {
    [planFieldId('municipality')]: 'Gemeente of regio',
    [planFieldId('title')]: 'Titel',
    [planFieldId('startYear')]: 'Eerste jaar',
    [planFieldId('endYear')]: 'Laatste jaar',
    [planFieldId('contactNote')]: 'Contactnotitie',
  };
  const names: Record<string, string> = {
    source: 'financieringsbron',
    customSourceName: 'andere financieringsbron',
    year: 'jaar',
    amount: 'bedrag',
    looptijd: 'looptijd',
    status: 'status',
    rejectionReason: 'reden van afwijzing',
    note: 'toelichting',
  };
  for (const category of categories) {
    for (const year of years) labels[needFieldName(category.slug, year)] = `Behoefte ${category.naam.toLowerCase()} ${year}`;
    lines
      .filter((l) => l.costCategory === category.slug)
      .forEach((line, i) => {
        for (const [field, name] of Object.entries(names)) {
          labels[`line-${line.key}-${field}`] = `${category.naam}, regel ${i + 1}, ${name}`;
        }
      });
  }
  return labels;
}
