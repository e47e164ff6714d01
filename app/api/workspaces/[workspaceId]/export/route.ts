import { requireSessionUser } from "@/lib/auth/session-user";
import { streamExport } from "@/lib/export/export-stream";
import { openExportReader } from "@/lib/export/read-export-set";
import { errorResponse } from "@/lib/http/json-response";
import { parseExportQuery } from "@/lib/validations/export-selection";
import { routeId } from "@/lib/http/route-id";

type Context = { params: Promise<{ workspaceId: string }> };

/**
 * GET: the workspace's annotations (those the caller may see) as a file, streamed.
 * `?format=w3c|csv|links-csv|tei|report|bundle`, then the set: `document` (repeat for several;
 * none means all), `kind`, `technique`, `tag`, `verdict`, `author` (ids), `from`, `to`
 * (YYYY-MM-DD, the days the annotations were made). `disposition=inline` shows the report in the
 * browser instead of downloading it. `X-Annotation-Count` says how many annotations follow.
 */
export async function GET(request: Request, { params }: Context) {
  try {
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const url = new URL(request.url);
    const { format, selection } = parseExportQuery(url.searchParams);
    const reader = await openExportReader({ userId: actor.id, workspaceId, selection });
    const exported = streamExport(reader, format, { baseUrl: url.origin, now: new Date() });
    const inline = format === "report" && url.searchParams.get("disposition") === "inline";
    return new Response(exported.body, {
      headers: {
        "Content-Type": exported.contentType,
        "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", exported.filename),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Annotation-Count": String(reader.annotationCount),
        // The report is the users' own text as HTML: escaped when built, and inert here anyway.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** RFC 6266: an ASCII fallback name and the UTF-8 one. */
function contentDisposition(type: "inline" | "attachment", filename: string): string {
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "") || "export";
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
