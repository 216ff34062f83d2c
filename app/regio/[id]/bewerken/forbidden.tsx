import { ForbiddenLinks } from '@/components/forbidden-links';

/** 403 for a missing, wrong or replaced edit link; says nothing about the regional plan. */
export default function RegionEditForbidden() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Geen toegang tot bewerken</h1>
      <p className="mt-3">
        Met deze link kunt u dit regionale plan niet (meer) bewerken. Misschien is de link niet helemaal overgenomen. Vraag de
        bewerkingslink aan wie het regionale plan beheert.
      </p>
      <p className="mt-3">Te vaak een verkeerde link geprobeerd? Wacht dan tien minuten en probeer het opnieuw.</p>
      <ForbiddenLinks kind="regio" />
    </div>
  );
}
