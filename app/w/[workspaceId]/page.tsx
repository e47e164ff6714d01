import type { Metadata } from "next";
import Link from "next/link";
import { SourceKindPill } from "@/components/documents/source-kind-pill";
import { getDb } from "@/lib/db";
import { DOCUMENT_SORTS, listDocuments, type DocumentSort, type SortDirection } from "@/lib/documents/list-documents";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";
import { roleAtLeast, ROLE_LABEL } from "@/lib/workspaces/require-workspace-role";

export const metadata: Metadata = { title: "Library" };

const SORT_LABEL: Record<DocumentSort, string> = { date: "Date", title: "Title", kind: "Kind", added: "Added" };

type SearchParams = Promise<{ sort?: string; dir?: string }>;

export default async function WorkspaceLibraryPage({ params, searchParams }: { params: Promise<{ workspaceId: string }>; searchParams: SearchParams }) {
  const { workspaceId } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/w/${workspaceId}`);
  const sort: DocumentSort = DOCUMENT_SORTS.find((s) => s === query.sort) ?? "date";
  const direction: SortDirection = query.dir === "desc" ? "desc" : "asc";

  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  const [documents, workspaces] = await Promise.all([
    listDocuments(db, { actor: user, workspaceId, sort, direction }),
    listUserWorkspaces(db, { actor: user }),
  ]);
  const canEdit = roleAtLeast(workspace.role, "EDITOR");

  return (
    <div className="page">
      {workspaces.length > 1 ? (
        <nav className="workspace-switch" aria-label="Workspaces" style={{ marginBottom: 16 }}>
          {workspaces.map((w) => (
            <Link key={w.id} href={`/w/${w.id}`} aria-current={w.id === workspaceId ? "page" : undefined}>
              {w.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="page-header">
        <div>
          <div className="eyebrow">Library</div>
          <h1>{workspace.name}</h1>
          {workspace.description ? <p>{workspace.description}</p> : null}
        </div>
        <div className="form-actions">
          <Link className="button button--quiet" href={`/w/${workspaceId}/assignments`}>
            Assignments
          </Link>
          <Link className="button button--quiet" href={`/w/${workspaceId}/contradictions`}>
            Contradictions
          </Link>
          <Link className="button button--quiet" href={`/w/${workspaceId}/graph`}>
            Claim graph
          </Link>
          {workspace.role !== "STUDENT" ? (
            <Link className="button button--quiet" href={`/w/${workspaceId}/members`}>
              Members
            </Link>
          ) : null}
          <Link className="button button--quiet" href={`/w/${workspaceId}/export`}>
            Export &amp; import
          </Link>
          {canEdit ? (
            <Link className="button" href={`/w/${workspaceId}/documents/new`}>
              Add document
            </Link>
          ) : null}
        </div>
      </div>

      {documents.length === 0 ? (
        <div className="empty-state">
          <h2>No documents yet</h2>
          <p>Add a source by pasting its text or uploading a .txt or .md file.</p>
          {canEdit ? (
            <Link className="button" href={`/w/${workspaceId}/documents/new`}>
              Add the first document
            </Link>
          ) : (
            <p className="muted">You are a {ROLE_LABEL[workspace.role]} here; an editor can add documents.</p>
          )}
        </div>
      ) : (
        <>
          <div className="toolbar">
            <span className="muted">
              {documents.length} document{documents.length === 1 ? "" : "s"}
            </span>
            <span className="spacer" />
            <nav className="sort-links" aria-label="Sort documents">
              <span>Sort by</span>
              {DOCUMENT_SORTS.map((s) => {
                const current = s === sort;
                const nextDirection = current && direction === "asc" ? "desc" : "asc";
                return (
                  <Link
                    key={s}
                    href={`/w/${workspaceId}?sort=${s}&dir=${current ? nextDirection : "asc"}`}
                    aria-current={current ? "true" : undefined}
                    aria-label={`Sort by ${SORT_LABEL[s].toLowerCase()}${current ? `, now ${direction === "asc" ? "ascending" : "descending"}` : ""}`}
                  >
                    {SORT_LABEL[s]}
                    {current ? (direction === "asc" ? " ↑" : " ↓") : ""}
                  </Link>
                );
              })}
            </nav>
          </div>
          <ol className="library" aria-label="Documents">
            {documents.map((document) => (
              <li className="library-item" key={document.id}>
                <span className="library-item__date">{document.dateText ?? <span className="muted">undated</span>}</span>
                <span className="library-item__title">
                  <Link href={`/documents/${document.id}`}>{document.title}</Link>
                </span>
                <span className="library-item__count">
                  {document.annotationCount} annotation{document.annotationCount === 1 ? "" : "s"}
                </span>
                <span className="library-item__meta">
                  <SourceKindPill kind={document.sourceKind} />
                  {document.genre ? <span>{document.genre}</span> : null}
                  {document.authors.length > 0 ? <span>{document.authors.join("; ")}</span> : null}
                  {document.place ? <span>{document.place}</span> : null}
                  {document.language ? <span>{document.language}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
