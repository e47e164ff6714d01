import Link from "next/link";
import type { ReactNode } from "react";
import { SourceKindPill } from "./source-kind-pill";
import type { SourceKind } from "@/lib/generated/prisma/enums";

interface PanelDocument {
  id: string;
  authors: string[];
  dateText: string | null;
  place: string | null;
  sourceKind: SourceKind | null;
  genre: string | null;
  language: string | null;
  provenance: string | null;
  notes: string;
  containerTitle: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  edition: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  url: string | null;
  archiveLocation: string | null;
  createdAt: Date;
  createdBy: { name: string } | null;
  /** `words`: the text's word count (counted once per revision, see revisionWordCount). */
  revision: { number: number; words: number };
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function DocumentMetadataPanel({ document, canEdit }: { document: PanelDocument; canEdit: boolean }) {
  const published = [document.containerTitle, document.edition, document.volume && `vol. ${document.volume}`, document.issue && `no. ${document.issue}`, document.pages && `pp. ${document.pages}`]
    .filter(Boolean)
    .join(", ");
  const imprint = [document.publisherPlace, document.publisher].filter(Boolean).join(": ");
  return (
    <details className="metadata-panel" aria-label="About this source">
      <summary>
        About this source
        <span className="metadata-panel__summary">
          {[document.sourceKind ? document.sourceKind.charAt(0) + document.sourceKind.slice(1).toLowerCase() : null, document.genre, document.authors.join("; ") || null, document.dateText ?? "undated"]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </summary>
      <dl>
        <Item term="Kind">
          {document.sourceKind || document.genre ? (
            <>
              <SourceKindPill kind={document.sourceKind} /> {document.genre}
            </>
          ) : null}
        </Item>
        <Item term={document.authors.length > 1 ? "Authors" : "Author"}>{document.authors.join("; ") || null}</Item>
        <Item term="Date">{document.dateText ?? <span className="muted">undated</span>}</Item>
        <Item term="Place">{document.place}</Item>
        <Item term="Language">{document.language}</Item>
        <Item term="Published in">{published || null}</Item>
        <Item term="Publisher">{imprint || null}</Item>
        <Item term="Archive location">{document.archiveLocation}</Item>
        <Item term="Provenance">{document.provenance}</Item>
        <Item term="URL">
          {document.url ? (
            <a href={document.url} rel="noopener noreferrer nofollow" target="_blank">
              {document.url}
            </a>
          ) : null}
        </Item>
        <Item term="Notes">{document.notes ? <span style={{ whiteSpace: "pre-wrap" }}>{document.notes}</span> : null}</Item>
        <Item term="Text">
          {document.revision.words.toLocaleString("en")} words · revision {document.revision.number}
        </Item>
        <Item term="Added">
          {document.createdAt.toISOString().slice(0, 10)}
          {document.createdBy ? ` by ${document.createdBy.name}` : ""}
        </Item>
      </dl>
      {canEdit ? (
        <div className="panel-actions">
          <Link className="button button--quiet" href={`/documents/${document.id}/edit`}>
            Edit metadata
          </Link>
        </div>
      ) : null}
    </details>
  );
}
