'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { regionReadPath } from '@/lib/regions/urls';

/** forbidden.tsx gets no props; the id comes from the route (also rendered on the server). */
export function ForbiddenRegionLinks() {
  const params = useParams<{ id: string }>();
  const id = typeof params.id === 'string' ? params.id : '';
  return (
    <ul className="mt-4 list-disc pl-5">
      {id && (
        <li>
          <Link href={regionReadPath(id)} className="text-brand-700 underline">
            Het regionale plan bekijken (leeslink)
          </Link>
        </li>
      )}
      <li>
        <Link href="/regio/nieuw" className="text-brand-700 underline">
          Een nieuw regionaal plan maken
        </Link>
      </li>
    </ul>
  );
}
