import { errorResponse, etag, PLAN_RESPONSE_HEADERS, serverErrorResponse } from '@/lib/http/api';

const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ExportFormat = keyof typeof CONTENT_TYPE;

type RouteContext = { params: Promise<{ id: string }> };

/**
 * The GET handler of an export route (municipal and regional plans, CSV and
 * xlsx): load by id, 404 when missing, render, answer as a download with the
 * plans' privacy headers and the version as ETag. On failure only the error's
 * message is logged: plan contents never reach the log.
 */
export function exportRoute<T extends { version: number }>(opts: {
  format: ExportFormat;
  notFoundMessage: string;
  load: (id: string) => Promise<T | null>;
  render: (doc: T) => string | Uint8Array<ArrayBuffer> | Promise<string | Uint8Array<ArrayBuffer>>;
  fileName: (doc: T) => string;
}) {
  return async function GET(_request: Request, context: RouteContext): Promise<Response> {
    try {
      const { id } = await context.params;
      const doc = await opts.load(id);
      if (!doc) return errorResponse(404, opts.notFoundMessage);
      return new Response(await opts.render(doc), {
        headers: {
          ...PLAN_RESPONSE_HEADERS,
          'Content-Type': CONTENT_TYPE[opts.format],
          'Content-Disposition': `attachment; filename="${opts.fileName(doc)}"`,
          ETag: etag(doc.version),
        },
      });
    } catch (error) {
      return serverErrorResponse(`export ${opts.format}`, error, 'Het exporteren is mislukt. Probeer het opnieuw.');
    }
  };
}
