import { describe, expect, it } from 'vitest';
import { cssString } from '@/lib/css-string';
import {
  MY_PLANS_MAX,
  editPathOf,
  forgetEditLink,
  forgetPlan,
  parseMyPlans,
  readPathOf,
  rememberVisit,
  serializeMyPlans,
  type RememberedPlan,
} from '@/lib/my-plans';

const SECRET = 'a'.repeat(43);
const visit = { kind: 'plan' as const, id: 'plan1', title: 'Kansrijk Teststad', place: 'Teststad' };

describe('my plans (localStorage list)', () => {
  it('remembers a visit without the edit link, newest first, one entry per plan', () => {
    let list = rememberVisit([], visit, 1000);
    list = rememberVisit(list, { kind: 'regio', id: 'reg1', title: 'Regio', place: '3 gemeenten' }, 2000);
    list = rememberVisit(list, { ...visit, title: 'Nieuwe titel' }, 3000);
    expect(list.map((e) => [e.kind, e.id, e.title, e.seen])).toEqual([
      ['plan', 'plan1', 'Nieuwe titel', 3000],
      ['regio', 'reg1', 'Regio', 2000],
    ]);
    expect(list.every((e) => e.secret === undefined)).toBe(true);
    expect(serializeMyPlans(list)).not.toContain('secret');
  });

  it('stores the secret only when given, keeps it on a read visit, removes it on null', () => {
    let list = rememberVisit([], visit, 1, SECRET);
    expect(list[0]?.secret).toBe(SECRET);
    list = rememberVisit(list, visit, 2);
    expect(list[0]?.secret).toBe(SECRET);
    expect(editPathOf(list[0] as RememberedPlan)).toBe(`/plannen/plan1/bewerken?sleutel=${SECRET}`);
    list = rememberVisit(list, visit, 3, null);
    expect(list[0]?.secret).toBeUndefined();
    expect(editPathOf(list[0] as RememberedPlan)).toBeNull();
    expect(rememberVisit([], visit, 1, 'not a secret!')[0]?.secret).toBeUndefined();
  });

  it('forgets a plan, or only its edit link', () => {
    const list = rememberVisit(rememberVisit([], visit, 1, SECRET), { kind: 'regio', id: 'plan1', title: 'R', place: '' }, 2, SECRET);
    expect(forgetEditLink(list, 'plan', 'plan1').map((e) => [e.kind, e.secret])).toEqual([
      ['regio', SECRET],
      ['plan', undefined],
    ]);
    expect(forgetPlan(list, 'regio', 'plan1').map((e) => e.kind)).toEqual(['plan']);
  });

  it('round-trips, builds links from kind and id only', () => {
    const list = rememberVisit(rememberVisit([], visit, 1, SECRET), { kind: 'regio', id: 'r_2-x', title: 'R', place: '2 gemeenten' }, 2);
    const back = parseMyPlans(serializeMyPlans(list));
    expect(back).toEqual(list);
    expect(back.map(readPathOf)).toEqual(['/regio/r_2-x', '/plannen/plan1']);
  });

  it('reads corrupt or foreign data as an empty list, and drops invalid entries', () => {
    for (const raw of [null, '', 'nonsense', '[]', '{"plans": []}', '{"format": 2, "plans": []}', '{"format": 1, "plans": {}}', 'null', '42']) {
      expect(parseMyPlans(raw)).toEqual([]);
    }
    const good = { kind: 'plan', id: 'ok', title: 'Goed', place: 'X', seen: 5 };
    const raw = JSON.stringify({
      format: 1,
      plans: [
        good,
        { ...good, id: 'javascript:alert(1)' },
        { ...good, id: 'b', kind: 'other' },
        { ...good, id: 'c', title: 7 },
        { ...good, id: 'd', seen: 'gisteren' },
        { ...good, id: 'e', seen: Number.NaN },
        { ...good, id: 'f', secret: '../../x' },
        { ...good, id: 'g', secret: 12 },
        null,
        'plan',
        [good],
        { ...good, id: 'h', title: 'Regel\neen', extra: true },
      ],
    });
    expect(parseMyPlans(raw).map((e) => [e.id, e.title])).toEqual([
      ['ok', 'Goed'],
      ['h', 'Regel een'],
    ]);
  });

  it('keeps at most MY_PLANS_MAX entries, dropping the oldest', () => {
    let list: RememberedPlan[] = [];
    for (let i = 0; i < MY_PLANS_MAX + 5; i++) list = rememberVisit(list, { ...visit, id: `p${i}` }, i);
    expect(list).toHaveLength(MY_PLANS_MAX);
    expect(list.at(-1)?.id).toBe('p5');
  });
});

describe('cssString', () => {
  it('escapes everything that could end the string, the rule or the style element', () => {
    expect(cssString('Plan 2026: Den Haag')).toBe('"Plan 2026: Den Haag"');
    const nasty = cssString('"; } </style><script>alert(1)</script> \\ é\n');
    expect(nasty.slice(1, -1)).not.toMatch(/["<>{}\n]/);
    expect(nasty).toContain('\\e9 ');
  });
});
