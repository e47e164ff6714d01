"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useMemo, useState } from "react";
import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import type { LinkView } from "@/lib/links/link-view";
import { blockIndexAt, blockStarts } from "@/components/editor/utils/reading-window-blocks";
import { bucketScrollMapPoints, type ScrollMapLane, type ScrollMapMark, type ScrollMapPoint } from "@/components/editor/utils/scroll-map-marks";
import { describeAnnotation } from "@/components/labels/describe-annotation";
import { truncate } from "@/components/labels/truncate";

/** Marks per lane at most: about one per 4 px of a tall window. */
const BUCKETS = 250;

function laneOf(annotation: ReadingAnnotation, contradicted: ReadonlySet<string>): ScrollMapLane | null {
  if (annotation.kind === "CONTRADICTION" || contradicted.has(annotation.id)) return "contradiction";
  if (annotation.kind === "CLAIM") return "claim";
  if (annotation.kind === "BIAS_MARKER") return "bias-marker";
  return null;
}

function labelOf(annotation: ReadingAnnotation, lane: ScrollMapLane): string {
  const contradictedClaim = lane === "contradiction" && annotation.kind !== "CONTRADICTION" ? "Contradicted " : "";
  return `${contradictedClaim}${describeAnnotation(annotation)}: “${truncate(annotation.exact, 60)}”`;
}

/** Runs `task` when the browser is idle (within a second at the latest); a frame later where there is no requestIdleCallback (Safari). */
function whenIdle(task: () => void): { cancel(): void } {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout: 1000 });
    return { cancel: () => window.cancelIdleCallback(handle) };
  }
  const handle = requestAnimationFrame(() => task());
  return { cancel: () => cancelAnimationFrame(handle) };
}

/**
 * Thin marks beside the scroll bar (as code editors show search hits): where the claims, bias
 * markers and contradictions (annotations of that kind, or at either end of a "contradicts" link)
 * sit in the whole text, each placed at its block's place in the page, and clickable to go there.
 * Placeholder blocks of the windowed reader keep their real height, so the places are exact.
 */
export function ScrollMap({
  editor,
  annotations,
  links,
  textToPm,
  onSelect,
}: {
  editor: Editor | null;
  annotations: readonly ReadingAnnotation[];
  links: readonly LinkView[];
  textToPm: (offset: number) => number;
  onSelect: (id: string) => void;
}) {
  const contradicted = useMemo(() => new Set(links.filter((l) => l.type === "CONTRADICTS").flatMap((l) => [l.source.id, l.target.id])), [links]);
  const [marks, setMarks] = useState<(ScrollMapMark & { label: string })[]>([]);

  useEffect(() => {
    if (!editor) return;
    const view = editor.view;
    let pending: ReturnType<typeof whenIdle> | null = null;
    const place = () => {
      pending = null;
      if (view.isDestroyed) return;
      const height = document.documentElement.scrollHeight;
      if (view.dom.getClientRects().length === 0 || height === 0) return;
      const doc = view.state.doc;
      const starts = blockStarts(doc);
      // One layout read per block holding a mark, not per mark.
      const topOfBlock = new Map<number, number>();
      const points: ScrollMapPoint[] = [];
      for (const annotation of annotations) {
        const lane = laneOf(annotation, contradicted);
        if (!lane) continue;
        const index = blockIndexAt(doc, textToPm(annotation.start));
        let top = topOfBlock.get(index);
        if (top === undefined) {
          const element = view.nodeDOM(starts[index] ?? 0) as HTMLElement | null;
          top = element ? element.getBoundingClientRect().top + window.scrollY : 0;
          topOfBlock.set(index, top);
        }
        points.push({ id: annotation.id, lane, top: top / height });
      }
      // Only the marks drawn (a few hundred at most) are described, not every annotation.
      const byId = new Map(annotations.map((a) => [a.id, a]));
      setMarks(
        bucketScrollMapPoints(points, BUCKETS).map((mark) => {
          const annotation = byId.get(mark.id);
          return { ...mark, label: annotation ? labelOf(annotation, mark.lane) : "" };
        }),
      );
    };
    const schedule = () => {
      pending ??= whenIdle(place);
    };
    // When the browser is idle after the text is shown: placing the marks (a layout read per block
    // holding one) never delays the text or a keystroke.
    schedule();
    const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(schedule);
    resized?.observe(view.dom);
    return () => {
      resized?.disconnect();
      pending?.cancel();
    };
  }, [editor, annotations, contradicted, textToPm]);

  if (marks.length === 0) return null;
  return (
    <nav className="scroll-map" aria-label="Claims, bias markers and contradictions along the text">
      {marks.map((mark) => (
        <button
          key={`${mark.lane}-${mark.id}`}
          type="button"
          tabIndex={-1}
          className={`scroll-map__mark scroll-map__mark--${mark.lane}`}
          style={{ top: `${(mark.top * 100).toFixed(3)}%` }}
          title={mark.count > 1 ? `${mark.label} (and ${mark.count - 1} more here)` : mark.label}
          aria-label={mark.count > 1 ? `${mark.label} (and ${mark.count - 1} more here)` : mark.label}
          onClick={() => onSelect(mark.id)}
        />
      ))}
    </nav>
  );
}
