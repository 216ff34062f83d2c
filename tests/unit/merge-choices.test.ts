import { describe, expect, it } from 'vitest';
import { MERGE_FIELD, choiceName, conflictFieldValue, openChoiceErrors, readConflict, theirChoices, type Conflict } from '@/lib/merge/choices';

// The open merge as the edit forms carry it: one hidden field plus a radio group per choice.

const conflict: Conflict = {
  version: 3,
  merged: true,
  changes: ['Titel: ‘A’ → ‘B’'],
  choices: [
    { key: '["f","need:interventies:2026"]', label: 'Behoefte interventies 2026', mine: '€ 7.000', theirs: '€ 5.000', chosen: null },
    { key: '["f","contactNote"]', label: 'Contactnotitie', mine: '‘x’', theirs: '‘y’', chosen: null },
  ],
};

function posted(fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set(MERGE_FIELD, conflictFieldValue(conflict));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe('readConflict', () => {
  it('reads the notice back with the choices made', () => {
    const read = readConflict(posted({ [choiceName(1)]: 'hun' }), 3);
    expect(read).toEqual({
      ...conflict,
      choices: [
        { ...conflict.choices?.[0], chosen: null },
        { ...conflict.choices?.[1], chosen: 'hun' },
      ],
    });
    expect(theirChoices(read)).toEqual(['["f","contactNote"]']);
    expect(openChoiceErrors(read)).toEqual({ 'keuze-0': 'Kies bij ‘Behoefte interventies 2026’ welke waarde blijft: die van u of die van versie 3.' });
  });

  it('ignores a notice of another version than the form is based on, anything malformed, and values other than mijn/hun', () => {
    expect(readConflict(posted({}), 4)).toBeNull();
    const form = new FormData();
    for (const bad of ['', 'x', '[]', '{"version":3}', '{"version":3,"changes":[],"choices":[1]}', '{"version":3,"changes":[1],"choices":[]}']) {
      form.set(MERGE_FIELD, bad);
      expect(readConflict(form, 3), bad).toBeNull();
    }
    expect(readConflict(posted({ [choiceName(0)]: 'allebei' }), 3)?.choices?.[0]?.chosen).toBeNull();
    expect(readConflict(new FormData(), 3)).toBeNull();
  });

  it('has nothing open when everything is chosen', () => {
    const read = readConflict(posted({ [choiceName(0)]: 'mijn', [choiceName(1)]: 'mijn' }), 3);
    expect(openChoiceErrors(read)).toEqual({});
    expect(theirChoices(read)).toEqual([]);
  });
});
