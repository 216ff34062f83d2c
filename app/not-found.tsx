import Link from 'next/link';

export const metadata = { title: 'Pagina niet gevonden' };

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Pagina niet gevonden</h1>
      <p className="mt-3">
        Deze pagina bestaat niet (meer). Misschien is de link verkeerd overgenomen, of is het onderdeel hernoemd.
      </p>
      <ul className="mt-4 list-disc pl-5">
        <li>
          <Link href="/wegwijzer" className="text-brand-700 underline">
            Naar de wegwijzer
          </Link>
        </li>
        <li>
          <Link href="/" className="text-brand-700 underline">
            Naar de startpagina
          </Link>
        </li>
      </ul>
    </div>
  );
}
