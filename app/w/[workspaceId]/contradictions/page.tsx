import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { listDocuments } from "@/lib/documents/list-documents";
import type { ContradictionVerdict } from "@/lib/generated/prisma/enums";
import { firstParam, type RawSearchParams } from "@/lib/http/first-param";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { listContradictions, type ContradictionFilter } from "@/lib/links/list-contradictions";
import { CONTRADICTION_VERDICTS } from "@/lib/vocabulary/contradiction-verdict";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listMembers } from "@/lib/workspaces/list-members";
import { compareUrl } from "@/components/labels/compare-url";
import { CONTRADICTION_VERDICT_LABEL } from "@/lib/vocabulary/contradiction-verdict";
import { truncate } from "@/components/labels/truncate";
import { byline } from "@/components/labels/byline";

export const metadata: Metadata = { title: "Contradictions" };



export default async function ContradictionsPage({ params, searchParams }: { params: Promise<{ workspaceId: string }>; searchParams: RawSearchParams }) {
  const { workspaceId } = await params;
  const raw = await searchParams;
  const query = { document: firstParam(raw.document), status: firstParam(raw.status), author: firstParam(raw.author) };
  const user = await requirePageUser(`/w/${workspaceId}/contradictions`);
  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  const status = query.status === "DECIDED" ? "DECIDED" : CONTRADICTION_VERDICTS.find((v) => v === query.status);
  const filter: ContradictionFilter = { documentId: query.document || undefined, verdict: status as ContradictionVerdict | "DECIDED" | undefined, authorId: query.author || undefined };
  const [contradictions, documents, members] = await Promise.all([
    listContradictions(db, { actor: user, workspaceId, filter }),
    listDocuments(db, { actor: user, workspaceId, sort: "title" }),
    listMembers(db, { actor: user, workspaceId }),
  ]);
  const filtering = Boolean(filter.documentId || filter.verdict || filter.authorId);

  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Contradictions
      </div>
      <div className="page-header">
        <div>
          <h1>Contradictions</h1>
          <p>Every pair of passages marked as contradicting each other, with the verdict and who decided it.</p>
        </div>
        <Link className="button button--quiet" href={`/w/${workspaceId}/graph`}>
          Claim graph
        </Link>
      </div>
      <form className="toolbar" method="get" aria-label="Filter contradictions">
        <label>
          Document{" "}
          <select name="document" defaultValue={query.document ?? ""}>
            <option value="">All documents</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {truncate(d.title, 60)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{" "}
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            <option value="DECIDED">Decided</option>
            {CONTRADICTION_VERDICTS.map((v) => (
              <option key={v} value={v}>
                {CONTRADICTION_VERDICT_LABEL[v]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person{" "}
          <select name="author" defaultValue={query.author ?? ""}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--quiet">
          Filter
        </button>
        {filtering ? <Link href={`/w/${workspaceId}/contradictions`}>Clear</Link> : null}
      </form>
      {contradictions.length === 0 ? (
        <div className="empty-state">
          <h2>{filtering ? "No contradiction matches these filters" : "No contradictions yet"}</h2>
          <p>Open a document, choose an annotation, and use “Link…” to mark the passage it contradicts.</p>
        </div>
      ) : (
        <table className="table board">
          <caption className="visually-hidden">Contradictions in {workspace.name}</caption>
          <thead>
            <tr>
              <th scope="col">First passage</th>
              <th scope="col">Second passage</th>
              <th scope="col">Verdict</th>
              <th scope="col">Decided by</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contradictions.map((c) => (
              <tr key={c.id}>
                {[c.source, c.target].map((end) => (
                  <td key={end.id}>
                    <div className="board__quote">“{truncate(end.exact, 160)}”</div>
                    <div className="muted board__source">
                      {truncate(end.document.title, 70)} · {end.document.dateText ?? "undated"}
                    </div>
                  </td>
                ))}
                <td>
                  <span className={`verdict verdict--${(c.verdict ?? "UNRESOLVED").toLowerCase()}`}>{CONTRADICTION_VERDICT_LABEL[c.verdict ?? "UNRESOLVED"]}</span>
                  {c.verdictRationale ? <div className="muted board__rationale">{truncate(c.verdictRationale, 120)}</div> : null}
                </td>
                <td>
                  {c.verdictBy ? c.verdictBy.name : <span className="muted">—</span>}
                  <div className="muted board__source">linked by {byline(c)}</div>
                </td>
                <td>
                  <Link href={compareUrl(c)} className="button button--quiet">
                    Side by side
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
