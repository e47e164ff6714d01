import type { DbClient } from "../db";
import { visibleTo } from "../annotations/annotation-view";
import { linkVisibleTo } from "../links/link-view";
import { requireDocumentRole } from "./require-document-role";

export type ReliabilityEffect = "supports" | "undermines" | "open" | "neutral";

export interface ReliabilityEvidence {
  source: "claim" | "contradiction";
  annotationId: string;
  quote: string;
  verdict: string;
  effect: ReliabilityEffect;
  /** For contradictions: the other side's document. */
  otherDocument?: { id: string; title: string };
  linkId?: string;
}

const CLAIM_EFFECT: Record<string, ReliabilityEffect> = { CORROBORATED: "supports", REFUTED: "undermines", DISPUTED: "undermines", UNVERIFIED: "open" };

/**
 * What a contradiction's verdict says about one side's document. A source that contradicts itself
 * loses whichever of its two statements is judged right.
 */
function contradictionEffect(verdict: string, isFirst: boolean, withinDocument: boolean): ReliabilityEffect {
  if (verdict === "UNRESOLVED") return "open";
  if (verdict === "NOT_A_CONTRADICTION") return "neutral";
  if (verdict === "BOTH_WRONG" || withinDocument) return "undermines";
  const firstWins = verdict === "FIRST_MORE_RELIABLE";
  return firstWins === isFirst ? "supports" : "undermines";
}

/** How many pieces of evidence the summary lists (a long source has thousands of judged claims). */
export const EVIDENCE_SHOWN = 25;
const EVIDENCE_ORDER: Record<string, number> = { REFUTED: 1, DISPUTED: 2, CORROBORATED: 3, UNVERIFIED: 4 };

/**
 * How reliable a source looks from the verdicts on it: its claims' verdicts, and the decided
 * contradictions it takes part in (the side judged more reliable gains, the other loses; "both
 * wrong" counts against both). Every figure comes with the annotations that produced it. A manual
 * rating, when set, overrides the derived label and says so. The evidence listed is the first
 * EVIDENCE_SHOWN, most telling first; `evidenceTotal` says how many there are.
 */
export async function getReliabilitySummary(db: DbClient, { actor, documentId }: { actor: { id: string }; documentId: string }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "VIEWER" });
  const [document, claims, links] = await Promise.all([
    db.document.findUniqueOrThrow({
      where: { id: documentId },
      select: { reliabilityRating: true, reliabilityReason: true, reliabilityRatedAt: true, reliabilityRatedBy: { select: { name: true } } },
    }),
    db.annotation.findMany({
      where: { documentId, kind: "CLAIM", anchorStatus: "ANCHORED", ...visibleTo(actor.id) },
      select: { id: true, exact: true, verdict: true },
      orderBy: { start: "asc" },
    }),
    db.annotationLink.findMany({
      where: { AND: [{ type: "CONTRADICTS" }, linkVisibleTo(actor.id), { OR: [{ source: { documentId } }, { target: { documentId } }] }] },
      select: {
        id: true,
        verdict: true,
        source: { select: { id: true, exact: true, documentId: true, document: { select: { id: true, title: true } } } },
        target: { select: { id: true, exact: true, documentId: true, document: { select: { id: true, title: true } } } },
      },
    }),
  ]);
  return summariseReliability({
    documentId,
    claims,
    contradictions: links,
    manual: {
      rating: document.reliabilityRating,
      reason: document.reliabilityReason,
      by: document.reliabilityRatedBy?.name ?? null,
      at: document.reliabilityRatedAt?.toISOString() ?? null,
    },
  });
}

interface ContradictionEnd {
  id: string;
  exact: string;
  documentId: string;
  document: { id: string; title: string };
}

/**
 * The summary from what it is derived from, already read and limited to what the actor may see:
 * the document's anchored claims in text order, the contradiction links touching it, and the manual
 * rating. Pure, so the document page can derive it from the annotations and links it loads anyway.
 */
export function summariseReliability({
  documentId,
  claims,
  contradictions,
  manual,
}: {
  documentId: string;
  claims: readonly { id: string; exact: string; verdict: string | null }[];
  contradictions: readonly { id: string; verdict: string | null; source: ContradictionEnd; target: ContradictionEnd }[];
  manual: { rating: number | null; reason: string | null; by: string | null; at: string | null };
}) {
  const evidence: ReliabilityEvidence[] = claims.map((c) => ({
    source: "claim",
    annotationId: c.id,
    quote: c.exact,
    verdict: c.verdict ?? "UNVERIFIED",
    effect: CLAIM_EFFECT[c.verdict ?? "UNVERIFIED"] ?? "open",
  }));
  for (const link of contradictions) {
    // A contradiction inside this document counts once, from its first side.
    const isFirst = link.source.documentId === documentId;
    const mine = isFirst ? link.source : link.target;
    const other = isFirst ? link.target : link.source;
    const verdict = link.verdict ?? "UNRESOLVED";
    evidence.push({
      source: "contradiction",
      annotationId: mine.id,
      quote: mine.exact,
      verdict,
      effect: contradictionEffect(verdict, isFirst, other.documentId === documentId),
      otherDocument: { id: other.document.id, title: other.document.title },
      linkId: link.id,
    });
  }

  const counts = { supports: 0, undermines: 0, open: 0, neutral: 0 };
  for (const item of evidence) counts[item.effect] += 1;
  const claimCounts = { CORROBORATED: 0, DISPUTED: 0, REFUTED: 0, UNVERIFIED: 0 } as Record<string, number>;
  for (const c of claims) claimCounts[c.verdict ?? "UNVERIFIED"] = (claimCounts[c.verdict ?? "UNVERIFIED"] ?? 0) + 1;

  // The list a reader looks through: contradictions first, then the decided claims (refuted,
  // disputed, corroborated), then the open ones, each group in text order (sort is stable); the
  // counts cover all.
  const order = (item: ReliabilityEvidence) => (item.source === "contradiction" ? 0 : (EVIDENCE_ORDER[item.verdict] ?? 4));
  const shown = [...evidence].sort((a, b) => order(a) - order(b)).slice(0, EVIDENCE_SHOWN);

  const decided = counts.supports + counts.undermines;
  const derived =
    decided === 0 ? "not yet assessed" : counts.supports >= 2 * counts.undermines ? "mostly reliable" : counts.undermines >= 2 * counts.supports ? "mostly unreliable" : "mixed";
  return {
    derived,
    counts,
    claimCounts,
    contradictions: { total: contradictions.length, unresolved: contradictions.filter((l) => (l.verdict ?? "UNRESOLVED") === "UNRESOLVED").length },
    evidence: shown,
    evidenceTotal: evidence.length,
    manual: manual.rating === null ? null : { rating: manual.rating, reason: manual.reason ?? "", by: manual.by, at: manual.at },
  };
}

export type ReliabilitySummary = Awaited<ReturnType<typeof getReliabilitySummary>>;
