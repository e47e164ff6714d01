"use client";

import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import type { ClaimGraph } from "@/lib/links/get-claim-graph";
import { truncate } from "@/components/labels/truncate";
import { compareUrl } from "@/components/labels/compare-url";
import { LINK_LABEL, type LinkType } from "@/lib/vocabulary/link-type";
import { CONTRADICTION_VERDICT_LABEL } from "@/lib/vocabulary/contradiction-verdict";

const EDGE_COLOUR: Record<LinkType, string> = {
  CONTRADICTS: "#8a5a9e",
  CORROBORATES: "#2f6b3a",
  SAME_CLAIM_AS: "#2f6f9f",
  DERIVES_FROM: "#7d5a2b",
  RESPONDS_TO: "#6f7782",
};

/**
 * One node per document, one typed, coloured edge per link between their passages (a loop for a
 * link inside one document); Cytoscape gives zoom and pan, and clicking an edge opens the pair
 * side by side. A list of the same links follows for keyboard and screen reader users.
 */
export function ClaimGraphView({ graph }: { graph: ClaimGraph }) {
  const container = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const urls = useMemo(() => new Map(graph.links.map((l) => [l.id, compareUrl(l)])), [graph.links]);

  useEffect(() => {
    if (!container.current || graph.links.length === 0) return;
    const elements: ElementDefinition[] = [
      ...graph.documents.map((d) => ({ data: { id: d.id, label: `${truncate(d.title, 44)}\n${d.dateText ?? "undated"}` } })),
      ...graph.links.map((l) => ({
        data: { id: l.id, source: l.source.documentId, target: l.target.documentId, label: LINK_LABEL[l.type].forward.toLowerCase(), colour: EDGE_COLOUR[l.type] },
        classes: l.type === "CONTRADICTS" && (l.verdict ?? "UNRESOLVED") === "UNRESOLVED" ? "unresolved" : "",
      })),
    ];
    const cy: Core = cytoscape({
      container: container.current,
      elements,
      minZoom: 0.3,
      maxZoom: 2.5,
      layout: { name: "circle", padding: 60, avoidOverlap: true, spacingFactor: 1.2 },
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "text-wrap": "wrap",
            "text-max-width": "190px",
            "text-valign": "center",
            "text-halign": "center",
            "font-size": 12,
            color: "#1d2126",
            "background-color": "#f3f1ea",
            "border-color": "#c9c3b5",
            "border-width": 1,
            shape: "round-rectangle",
            width: 200,
            height: 64,
          },
        },
        {
          selector: "edge",
          style: {
            width: 2.5,
            "line-color": "data(colour)",
            "target-arrow-color": "data(colour)",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
            "control-point-step-size": 36,
            label: "data(label)",
            "font-size": 10,
            color: "#4d5560",
            "text-background-color": "#fbfaf6",
            "text-background-opacity": 1,
            "text-background-padding": "2px",
          },
        },
        { selector: "edge.unresolved", style: { "line-style": "dashed" } },
        { selector: "edge:selected", style: { width: 4.5 } },
      ],
    });
    cy.on("tap", "edge", (event) => {
      const url = urls.get(event.target.id() as string);
      if (url) router.push(url);
    });
    return () => cy.destroy();
  }, [graph, router, urls]);

  if (graph.links.length === 0) {
    return (
      <div className="empty-state">
        <h2>No links yet</h2>
        <p>Link an annotation to another (“Link…” on its card) and the web of claims appears here.</p>
      </div>
    );
  }
  return (
    <>
      <div className="graph-legend" aria-hidden="true">
        {(Object.keys(EDGE_COLOUR) as LinkType[]).map((t) => (
          <span key={t}>
            <span className="graph-legend__swatch" style={{ background: EDGE_COLOUR[t] }} /> {LINK_LABEL[t].forward.toLowerCase()}
          </span>
        ))}
        <span>dashed: unresolved contradiction</span>
      </div>
      <div ref={container} className="graph-canvas" role="img" aria-label={`Graph of ${graph.links.length} links between ${graph.documents.length} documents; the same links are listed below.`} />
      <h2 style={{ marginTop: 24 }}>The links</h2>
      <ul className="graph-list">
        {graph.links.map((l) => (
          <li key={l.id}>
            <Link href={urls.get(l.id) ?? "#"}>
              “{truncate(l.source.exact, 60)}” ({truncate(l.source.document.title, 40)}) {LINK_LABEL[l.type].forward.toLowerCase()} “{truncate(l.target.exact, 60)}” (
              {truncate(l.target.document.title, 40)})
            </Link>
            {l.type === "CONTRADICTS" ? <span className="badge">{CONTRADICTION_VERDICT_LABEL[l.verdict ?? "UNRESOLVED"]}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
