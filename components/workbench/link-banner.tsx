import Link from "next/link";
import { truncate } from "@/components/labels/truncate";
import { LINK_LABEL, type LinkType } from "@/lib/vocabulary/link-type";

/** Choosing the other end of a new link, started from an annotation's card (maybe in another document). */
export interface LinkFrom {
  annotationId: string;
  type: LinkType;
  quote: string;
  documentTitle: string;
  documentId: string;
}

/** Says which passage is being linked and how to finish or cancel. */
export function LinkBanner({ linkFrom }: { linkFrom: LinkFrom }) {
  return (
    <div className="alert alert--info link-banner" role="region" aria-label="Choosing a link target">
      <strong>Linking</strong> “{truncate(linkFrom.quote, 90)}” ({linkFrom.documentTitle}): choose the passage it {LINK_LABEL[linkFrom.type].forward.toLowerCase()}.
      Click an annotation and press <em>Link here</em>, or select words and annotate them.{" "}
      <Link href={`/documents/${linkFrom.documentId}?annotation=${linkFrom.annotationId}`}>Cancel</Link>
    </div>
  );
}
