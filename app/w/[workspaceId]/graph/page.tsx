import type { Metadata } from "next";
import Link from "next/link";
import { ClaimGraphView } from "@/components/graph/claim-graph-view";
import { getDb } from "@/lib/db";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { getClaimGraph } from "@/lib/links/get-claim-graph";
import { getWorkspace } from "@/lib/workspaces/get-workspace";

export const metadata: Metadata = { title: "Claim graph" };

export default async function GraphPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/graph`);
  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  const graph = await getClaimGraph(db, { actor: user, workspaceId });
  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Claim graph
      </div>
      <div className="page-header">
        <div>
          <h1>Claim graph</h1>
          <p>Documents and their linked passages. Scroll to zoom, drag to move; click a link to open the pair side by side.</p>
        </div>
        <Link className="button button--quiet" href={`/w/${workspaceId}/contradictions`}>
          Contradictions board
        </Link>
      </div>
      <ClaimGraphView graph={graph} />
    </div>
  );
}
