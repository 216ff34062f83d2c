import { ForbiddenLinks } from '@/components/forbidden-links';

/**
 * 403 for a missing, wrong or replaced edit link. Says nothing about the plan
 * and offers only the read link (the id is in the URL the visitor already has).
 */
export default function EditForbidden() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Geen toegang tot bewerken</h1>
      <p className="mt-3">
        Met deze link kunt u dit plan niet (meer) bewerken. Misschien is de link niet helemaal overgenomen, of heeft iemand een
        nieuwe bewerkingslink gemaakt; dan werkt de oude niet meer. Vraag de nieuwe link aan wie het plan beheert.
      </p>
      <p className="mt-3">
        Te vaak een verkeerde link geprobeerd? Wacht dan tien minuten en probeer het opnieuw.
      </p>
      <ForbiddenLinks kind="plan" />
    </div>
  );
}
