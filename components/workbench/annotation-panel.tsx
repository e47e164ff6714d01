"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import type { LinkView } from "@/lib/links/link-view";
import { AnnotationCard } from "./annotation-card";
import { isFiltering, NO_FILTERS, type AnnotationFilters } from "./annotation-filters";
import { KIND_LABEL, type AnnotationKind } from "@/lib/vocabulary/annotation-kind";
import { CLAIM_VERDICT_LABEL, type ClaimVerdict } from "@/lib/vocabulary/claim-verdict";

const NO_LINKS: LinkView[] = [];

/**
 * The document's annotations in text order with filters. The list is virtualised: only the cards
 * in view are in the DOM, so thousands of annotations scroll smoothly.
 */
export function AnnotationPanel({
  all,
  visible,
  filters,
  onFiltersChange,
  selectedId,
  currentUserId,
  canAnnotate,
  isOwner,
  onSelect,
  onEdit,
  onDelete,
  onReplyCount,
  linksByAnnotation,
  documents,
  onDeleteLink,
  onLinkHere,
  techniqueDescriptions,
}: {
  /** Each technique's definition, by tag id: shown on an open bias marker's card. */
  techniqueDescriptions: ReadonlyMap<string, string>;
  linksByAnnotation: Map<string, LinkView[]>;
  documents: { id: string; title: string }[];
  onDeleteLink: (link: LinkView) => void;
  onLinkHere?: (annotation: ReadingAnnotation) => void;
  all: ReadingAnnotation[];
  visible: ReadingAnnotation[];
  filters: AnnotationFilters;
  onFiltersChange: (filters: AnnotationFilters) => void;
  selectedId: string | null;
  currentUserId: string;
  canAnnotate: boolean;
  isOwner: boolean;
  onSelect: (id: string | null, from: "panel" | "text") => void;
  onEdit: (annotation: ReadingAnnotation) => void;
  onDelete: (annotation: ReadingAnnotation) => void;
  onReplyCount: (id: string, count: number) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable while the list is: the virtualizer recomputes every card's place (thousands) whenever
  // the key function changes, and a new one on each render made that every render.
  const getItemKey = useCallback((index: number) => visible[index]?.id ?? index, [visible]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey,
    // Re-measuring cards re-renders through React's batching, not a synchronous flush per change
    // (flushSync re-rendered the whole panel in the middle of saving an annotation).
    useFlushSync: false,
  });

  // Bring the selected card into view (e.g. after clicking its highlight in the text).
  const selectedIndex = selectedId ? visible.findIndex((a) => a.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const options = useMemo(() => {
    const techniques = new Map<string, string>();
    const authors = new Map<string, string>();
    const tags = new Map<string, string>();
    for (const a of all) {
      if (a.technique) techniques.set(a.technique.id, a.technique.name);
      authors.set(a.author.id, a.author.name);
      for (const t of a.tags) tags.set(t.id, t.name);
    }
    const sorted = (m: Map<string, string>) => [...m.entries()].sort((x, y) => x[1].localeCompare(y[1]));
    return { techniques: sorted(techniques), authors: sorted(authors), tags: sorted(tags) };
  }, [all]);

  const set = (key: keyof AnnotationFilters, value: string) => onFiltersChange({ ...filters, [key]: value });

  return (
    <section className="annotation-panel" aria-labelledby="panel-title">
      <div className="annotation-panel__head">
        <h2 id="panel-title">
          Annotations <span className="muted">({isFiltering(filters) ? `${visible.length} of ${all.length}` : all.length})</span>
        </h2>
        <div className="annotation-filters" role="group" aria-label="Filter annotations">
          <select aria-label="Kind" value={filters.kind} onChange={(e) => set("kind", e.target.value)}>
            <option value="">All kinds</option>
            {(Object.keys(KIND_LABEL) as AnnotationKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <select aria-label="Technique" value={filters.techniqueId} onChange={(e) => set("techniqueId", e.target.value)}>
            <option value="">All techniques</option>
            {options.techniques.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          <select aria-label="Verdict" value={filters.verdict} onChange={(e) => set("verdict", e.target.value)}>
            <option value="">All verdicts</option>
            {(Object.keys(CLAIM_VERDICT_LABEL) as ClaimVerdict[]).map((v) => (
              <option key={v} value={v}>
                {CLAIM_VERDICT_LABEL[v]}
              </option>
            ))}
          </select>
          <select aria-label="Author" value={filters.authorId} onChange={(e) => set("authorId", e.target.value)}>
            <option value="">All authors</option>
            {options.authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          {options.tags.length > 0 ? (
            <select aria-label="Tag" value={filters.tagId} onChange={(e) => set("tagId", e.target.value)}>
              <option value="">All tags</option>
              {options.tags.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          ) : null}
          {isFiltering(filters) ? (
            <button type="button" className="button--link" onClick={() => onFiltersChange(NO_FILTERS)}>
              Clear filters
            </button>
          ) : null}
        </div>
      </div>
      {all.length === 0 ? (
        <p className="annotation-panel__empty">
          {canAnnotate ? "No annotations yet. Select words in the text, then choose Claim (C), Bias marker (B), Contradiction (X) or Tag (T)." : "No annotations yet."}
        </p>
      ) : visible.length === 0 ? (
        <p className="annotation-panel__empty">No annotation matches these filters.</p>
      ) : null}
      <div ref={scrollRef} className="annotation-panel__scroll" role="list" aria-label="Annotations in text order">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const annotation = visible[item.index];
            if (!annotation) return null;
            const own = annotation.author.id === currentUserId;
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <AnnotationCard
                  annotation={annotation}
                  techniqueDescription={annotation.technique ? techniqueDescriptions.get(annotation.technique.id) : undefined}
                  open={annotation.id === selectedId}
                  currentUserId={currentUserId}
                  canEdit={own && canAnnotate}
                  canDelete={(own && canAnnotate) || isOwner}
                  isOwner={isOwner}
                  onSelect={() => onSelect(annotation.id === selectedId ? null : annotation.id, "panel")}
                  onEdit={() => onEdit(annotation)}
                  onDelete={() => onDelete(annotation)}
                  onReplyCount={(count) => onReplyCount(annotation.id, count)}
                  links={linksByAnnotation.get(annotation.id) ?? NO_LINKS}
                  documents={documents}
                  canLink={canAnnotate}
                  onDeleteLink={onDeleteLink}
                  onLinkHere={onLinkHere ? () => onLinkHere(annotation) : undefined}
                  currentUserIsOwner={isOwner}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
