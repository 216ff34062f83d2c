// Types of scripts/content-pages.cjs for the unit tests (tests/unit/content-pages.test.ts).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export declare const RUNTIME_PATH_PREFIXES: readonly string[];
export declare const OWN_SCRIPT_SRC: string;
export declare function isContentPageRequest(method: string | undefined, url: string, headers: IncomingHttpHeaders): boolean;
export declare function stripFrameworkScripts(html: string): string | null;
export declare function withoutInlineScripts(policy: string): string;
export declare function acceptsGzip(header: string | string[] | undefined): boolean;
export declare function serveWithoutFrameworkScripts(req: IncomingMessage, res: ServerResponse): void;
