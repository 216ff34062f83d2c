import { LooptijdBadge, PayerBadge } from '@/components/badges';
import { Citations } from '@/components/citations';
import { Interpretation } from '@/components/interpretation';
import { ValidityBadge } from '@/components/validity';
import type { Answer } from '@/lib/content/answers';
import { BETALER_LABEL } from '@/lib/content/labels';
import type { Financieringsbron } from '@/lib/content/schema';
import { wegwijzerHref } from '@/lib/wegwijzer-url';

const KANT_LABEL = { gemeente: 'kant gemeente', zorgverzekeraar: 'kant zorgverzekeraar' } as const;

function SourceLine({ b, today }: { b: Financieringsbron; today: string }) {
  return (
    <li className="py-1">
      <a href={`/bronnen/${b.slug}`} className="font-medium text-brand-700 underline">
        {b.naam}
      </a>{' '}
      <span className="inline-flex flex-wrap gap-1 align-baseline">
        <PayerBadge betaler={b.betaler} />
        <LooptijdBadge looptijd={b.looptijd} />
      </span>{' '}
      <ValidityBadge geldigheid={b.geldigheid} day={today} />
    </li>
  );
}

/**
 * The answer to "which law, which level, who pays, whom do I talk to, and
 * what is uncertain?" for one intervention, every point cited. `level` is the
 * heading level of the block's own title; its parts sit one level below.
 * With `title`, the block is titled with the intervention's name (the
 * answer sheet); otherwise "Antwoord in het kort" (the intervention's page).
 */
export function AnswerBlock({ answer, today, level = 2, title }: { answer: Answer; today: string; level?: 2 | 3; title?: 'naam' }) {
  const { interventie: i, main } = answer;
  const H = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const id = `antwoord-${i.slug}`;
  const sub = 'mt-4 font-semibold text-brand-800 print:break-after-avoid';
  return (
    <section aria-labelledby={id} className="print-split mb-6 rounded border-2 border-brand-700 p-4 print:border print:p-2">
      <H id={id} className="text-xl font-semibold text-brand-800 print:break-after-avoid">
        {title === 'naam' ? (
          <a href={`/interventies/${i.slug}`} className="text-brand-700 underline">
            {i.naam}
          </a>
        ) : (
          'Antwoord in het kort'
        )}
      </H>

      <Sub className={sub}>Hoofdroute naar geld</Sub>
      {main.found ? (
        <>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="font-medium">Wet</dt>
            <dd>
              <a href={`/wetten/${main.wet.slug}`} className="text-brand-700 underline">
                {main.wet.naam}
              </a>
            </dd>
            <dt className="font-medium">Preventieniveau</dt>
            <dd>
              {main.niveau.naam}{' '}
              <a href={wegwijzerHref({ wet: main.wet.slug, niveau: main.niveau.slug }, {}, '#detail')} className="text-sm text-brand-700 underline print:hidden">
                bekijk deze cel in de wegwijzer
              </a>
            </dd>
            <dt className="font-medium">Wie betaalt</dt>
            <dd>{BETALER_LABEL[main.betaler]}</dd>
          </dl>
          {main.sources.length > 0 && (
            <ul className="mt-1 print:*:break-inside-avoid">
              {main.sources.map((b) => (
                <SourceLine key={b.slug} b={b} today={today} />
              ))}
            </ul>
          )}
          <p className="mt-1 max-w-3xl">{main.toelichting}</p>
        </>
      ) : (
        <p className="mt-1 max-w-3xl">
          <strong>Niet gevonden:</strong> de bronnen noemen geen route naar geld voor {i.naam}. {main.toelichting}
        </p>
      )}
      {main.interpretatie && <Interpretation className="mt-2">{main.interpretatie}</Interpretation>}
      <Citations bron={main.bron} className="mt-1" />

      <Sub className={sub}>Andere routes naar geld</Sub>
      {answer.otherSources.length === 0 ? (
        <p className="mt-1">De bronnen noemen geen andere financieringsbronnen voor deze interventie.</p>
      ) : (
        <>
          <ul className="mt-1 print:*:break-inside-avoid">
            {answer.otherSources.map((b) => (
              <SourceLine key={b.slug} b={b} today={today} />
            ))}
          </ul>
          <Citations bron={i.bron} className="mt-1" />
        </>
      )}

      <Sub className={sub}>Met wie praat u?</Sub>
      {answer.partners.length === 0 ? (
        <p className="mt-1">De bronnen noemen voor deze route geen gesprekspartners.</p>
      ) : (
        <ul className="mt-1 space-y-1 print:*:break-inside-avoid">
          {answer.partners.map(({ partner, via }) => (
            <li key={partner.id}>
              <span className="font-medium">{partner.naam}</span> <span className="text-sm text-muted">({KANT_LABEL[partner.kant]})</span>
              <span className="text-sm">
                {' '}
                — via{' '}
                {via.map((v, n) => (
                  <span key={`${v.kind}-${v.slug}`}>
                    {n > 0 && ', '}
                    <a href={v.href} className="text-brand-700 underline">
                      {v.naam}
                    </a>
                  </span>
                ))}
              </span>
              <Citations bron={partner.bron} className="text-xs" />
            </li>
          ))}
        </ul>
      )}

      <Sub className={sub}>Voorwaarden</Sub>
      {answer.conditions.length === 0 ? (
        <p className="mt-1">{main.found ? 'De bronnen noemen geen voorwaarden voor de hoofdroute.' : 'Zonder hoofdroute zijn er geen voorwaarden te noemen.'}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5 print:*:break-inside-avoid">
          {answer.conditions.map((k, n) => (
            <li key={n}>
              {k.text} {k.from !== 'hoofdroute' && <span className="text-sm text-muted">(bij {k.from})</span>}
              <Citations bron={k.bron} className="text-xs" />
            </li>
          ))}
        </ul>
      )}

      <Sub className={sub}>Onzeker of aflopend (voor {answer.planYear})</Sub>
      {answer.warnings.length === 0 && answer.openFacts.length === 0 ? (
        <p className="mt-1">Geen van de genoemde financieringsbronnen loopt af of is onzeker in {answer.planYear}.</p>
      ) : (
        <ul className="mt-1 space-y-1 print:*:break-inside-avoid">
          {answer.warnings.map((w) => (
            <li key={w.source.slug}>
              <ValidityBadge geldigheid={w.source.geldigheid} day={today} withText={false} /> {w.text}
              {w.main && <strong className="text-sm"> (hoofdroute)</strong>}
              <Citations bron={w.source.geldigheid.bron} className="text-xs" />
            </li>
          ))}
          {answer.openFacts.map((f, n) => (
            <li key={`feit-${n}`}>
              <strong>Niet gevonden:</strong> {f.omschrijving}
              <Citations bron={f.bron} className="text-xs" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
