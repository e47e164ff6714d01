import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/compare/compare-view";
import { getDb } from "@/lib/db";
import { firstParam, type RawSearchParams } from "@/lib/http/first-param";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { getComparison } from "@/lib/links/get-comparison";
import { roleAtLeast } from "@/lib/workspaces/require-workspace-role";

export const metadata: Metadata = { title: "Side by side" };



/** /compare?left=<document>&right=<document>&link=<link>: a shareable side-by-side view. */
export default async function ComparePage({ searchParams }: { searchParams: RawSearchParams }) {
  const raw = await searchParams;
  const query = { left: firstParam(raw.left), right: firstParam(raw.right), link: firstParam(raw.link) };
  const user = await requirePageUser(`/compare?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`);
  if (!query.left || !query.right) notFound();
  const comparison = await loadOrNotFound(getComparison(getDb(), { actor: user, leftId: query.left, rightId: query.right }));
  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href={`/w/${comparison.left.workspaceId}`}>Library</Link> / <Link href={`/w/${comparison.left.workspaceId}/contradictions`}>Contradictions</Link> / Side by side
      </div>
      <CompareView comparison={comparison} initialLinkId={query.link ?? null} canDecide={roleAtLeast(comparison.left.role, "EDITOR")} />
    </div>
  );
}
