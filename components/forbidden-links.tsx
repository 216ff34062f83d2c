'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { planReadPath } from '@/lib/plans/urls';
import { regionReadPath } from '@/lib/regions/urls';

const KINDS = {
  plan: { readPath: planReadPath, read: 'Het plan bekijken (leeslink)', newHref: '/plannen/nieuw', create: 'Een nieuw plan maken' },
  regio: {
    readPath: regionReadPath,
    read: 'Het regionale plan bekijken (leeslink)',
    newHref: '/regio/nieuw',
    create: 'Een nieuw regionaal plan maken',
  },
} as const;

/**
 * The way on from a refused edit link: the read link and "make a new one".
 * forbidden.tsx gets no props, so the id comes from the route (this renders on
 * the server too: no JavaScript needed).
 */
export function ForbiddenLinks({ kind }: { kind: keyof typeof KINDS }) {
  const params = useParams<{ id: string }>();
  const id = typeof params.id === 'string' ? params.id : '';
  const k = KINDS[kind];
  return (
    <ul className="mt-4 list-disc pl-5">
      {id && (
        <li>
          <Link href={k.readPath(id)} className="text-brand-700 underline">
            {k.read}
          </Link>
        </li>
      )}
      <li>
        <Link href={k.newHref} className="text-brand-700 underline">
          {k.create}
        </Link>
      </li>
    </ul>
  );
}
