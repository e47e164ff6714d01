import type { Metadata } from "next";
import Link from "next/link";
import { ClassHeatmap } from "@/components/classroom/class-heatmap";
import { getClassHeatmap } from "@/lib/classroom/get-class-heatmap";
import { getDb } from "@/lib/db";
import { firstParam, type RawSearchParams } from "@/lib/http/first-param";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "Class heatmap" };

export default async function HeatmapPage({ params, searchParams }: { params: Promise<{ workspaceId: string; assignmentId: string }>; searchParams: RawSearchParams }) {
  const { workspaceId, assignmentId } = await params;
  const documentId = firstParam((await searchParams).document);
  const user = await requirePageUser(`/w/${workspaceId}/assignments/${assignmentId}/heatmap`);
  const { assignment, documents, heatmap } = await loadOrNotFound(getClassHeatmap(getDb(), { actor: user, assignmentId, documentId }));
  const base = `/w/${assignment.workspaceId}/assignments/${assignmentId}`;
  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href={`/w/${assignment.workspaceId}/assignments`}>Assignments</Link> / <Link href={base}>{assignment.title}</Link> / Class heatmap
      </div>
      <div className="page-header">
        <div>
          <div className="eyebrow">Class heatmap</div>
          <h1>{heatmap?.title ?? assignment.title}</h1>
          {heatmap ? (
            <p>
              {heatmap.flaggers} of {heatmap.students} students flagged something here; the most-flagged text was flagged by {heatmap.max}.
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <Link className="button button--quiet" href={`${base}/results`}>
            Results
          </Link>
        </div>
      </div>
      {documents.length > 1 ? (
        <nav className="workspace-switch" aria-label="Documents" style={{ marginBottom: 16 }}>
          {documents.map((d) => (
            <Link key={d.id} href={`${base}/heatmap?document=${d.id}`} aria-current={d.id === heatmap?.documentId ? "page" : undefined}>
              {d.title}
            </Link>
          ))}
        </nav>
      ) : null}
      {heatmap ? (
        <ClassHeatmap assignmentId={assignmentId} documentId={heatmap.documentId} text={heatmap.text} runs={heatmap.runs} keySpans={heatmap.key} max={heatmap.max} />
      ) : (
        <div className="empty-state">
          <h2>No documents</h2>
          <p>This assignment has no documents.</p>
        </div>
      )}
    </div>
  );
}
