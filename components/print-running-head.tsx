import { headers } from 'next/headers';
import { cssString } from '@/lib/css-string';
import { requestOrigin } from '@/lib/request-origin';

/**
 * Puts the plan's title, version, date and read link on every printed page,
 * in the page margins (CSS page-margin boxes, Chrome and Edge 131+), with the
 * page number. Page-margin boxes take their text from CSS only, so this is a
 * <style> element with the text escaped by cssString. (A position: fixed
 * header is repeated too, but Chromium draws it inside the page area, over
 * the content.) Nothing shows on screen.
 */
export async function PrintRunningHead({ title, version, date, path }: { title: string; version: number; date: string; path: string }) {
  const url = requestOrigin(await headers()) + path;
  const box = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #333;';
  const css = `@media print { @page {
  @top-left { content: ${cssString(title)}; ${box} }
  @top-right { content: ${cssString(`Versie ${version} van ${date}`)}; ${box} }
  @bottom-left { content: ${cssString(url)}; ${box} }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); ${box} }
} }`;
  return <style>{css}</style>;
}
