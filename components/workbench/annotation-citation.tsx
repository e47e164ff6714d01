"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { citePages, pagesOfSpan, type PageBreak } from "@/lib/documents/page-breaks";
import { formatCitation, type CitedDocument } from "@/lib/export/format-citation";

interface CitationSource {
  document: CitedDocument;
  pageBreaks: readonly PageBreak[];
}

const CitationContext = createContext<CitationSource | null>(null);

/** The document being read, for citing its annotations: given once by the document page. */
export function CitationProvider({ document, pageBreaks, children }: { document: CitedDocument; pageBreaks: readonly PageBreak[]; children: ReactNode }) {
  const value = useMemo(() => ({ document, pageBreaks }), [document, pageBreaks]);
  return <CitationContext.Provider value={value}>{children}</CitationContext.Provider>;
}

/**
 * How to cite an annotation's words: the page(s) they are on ("p. 12", "pp. 12–13"; null for a
 * text without pages, or an annotation not placed on this text) and the full citation with that
 * page as its pinpoint. Null outside a CitationProvider.
 */
export function useAnnotationCitation(annotation: { start: number; end: number; anchorStatus: string }): { pages: string | null; citation: string } | null {
  const source = useContext(CitationContext);
  return useMemo(() => {
    if (!source) return null;
    const pages = annotation.anchorStatus === "ANCHORED" ? pagesOfSpan(source.pageBreaks, annotation.start, annotation.end) : null;
    return { pages: citePages(pages), citation: formatCitation(source.document, { pages }) };
  }, [source, annotation.start, annotation.end, annotation.anchorStatus]);
}
