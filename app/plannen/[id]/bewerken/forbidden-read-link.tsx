'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { planReadPath } from '@/lib/plans/urls';

/** forbidden.tsx gets no props; the plan id comes from the route (rendered on the server too, so no JavaScript is needed). */
export function ForbiddenReadLink() {
  const params = useParams<{ id: string }>();
  const id = typeof params.id === 'string' ? params.id : '';
  return (
    <ul className="mt-4 list-disc pl-5">
      {id && (
        <li>
          <Link href={planReadPath(id)} className="text-brand-700 underline">
            Het plan bekijken (leeslink)
          </Link>
        </li>
      )}
      <li>
        <Link href="/plannen/nieuw" className="text-brand-700 underline">
          Een nieuw plan maken
        </Link>
      </li>
    </ul>
  );
}
