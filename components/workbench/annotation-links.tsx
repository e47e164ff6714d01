"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { LinkView } from "@/lib/links/link-view";
import { LinkFinder } from "@/components/search/link-finder";
import { pageWorkspaceId } from "@/components/search/page-workspace";
import { truncate } from "@/components/labels/truncate";
import { compareUrl } from "@/components/labels/compare-url";
import { LINK_LABEL, type LinkType } from "@/lib/vocabulary/link-type";
import { CONTRADICTION_VERDICT_LABEL } from "@/lib/vocabulary/contradiction-verdict";

/**
 * An annotation's links, followable both ways, and (for editors) the start of a new one: pick a
 * type and a document, then choose or select the other span there.
 */
export function AnnotationLinks({
  annotationId,
  quote = "",
  links: givenLinks,
  documents,
  canLink,
  canUnlink,
  onDeleteLink,
}: {
  /** Only a link's author or a workspace owner may remove it. */
  canUnlink: (link: LinkView) => boolean;
  annotationId: string;
  /** The annotation's words, shown in the link finder. */
  quote?: string;
  links: LinkView[];
  documents: { id: string; title: string }[];
  canLink: boolean;
  onDeleteLink: (link: LinkView) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<LinkType>("CONTRADICTS");
  const [documentId, setDocumentId] = useState(documents[0]?.id ?? "");
  // Links made in the link finder, shown here at once (the page's list has them after a reload).
  const [madeHere, setMadeHere] = useState<LinkView[]>([]);
  const [finder, setFinder] = useState<{ workspaceId: string } | null>(null);
  const links = [...givenLinks, ...madeHere.filter((made) => !givenLinks.some((link) => link.id === made.id))];
  const id = useId();
  return (
    <section className="annotation-links" aria-label="Links">
      {links.length > 0 ? (
        <ul>
          {links.map((link) => {
            const outgoing = link.source.id === annotationId;
            const other = outgoing ? link.target : link.source;
            return (
              <li key={link.id}>
                <span className="annotation-links__type">{outgoing ? LINK_LABEL[link.type].forward : LINK_LABEL[link.type].backward}</span>{" "}
                <Link href={`/documents/${other.documentId}?annotation=${other.id}`}>“{truncate(other.exact, 80)}”</Link>
                <span className="muted"> — {other.document.title}</span>
                {link.type === "CONTRADICTS" && link.verdict ? <span className="badge">{CONTRADICTION_VERDICT_LABEL[link.verdict]}</span> : null}
                <span className="annotation-links__actions">
                  <Link href={compareUrl(link)}>Compare side by side</Link>
                  {canUnlink(link) ? (
                    <button type="button" className="button--link" onClick={() => onDeleteLink(link)} aria-label="Remove this link">
                      Unlink
                    </button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {canLink ? (
        open ? (
          <form
            className="link-start"
            onSubmit={(event) => {
              event.preventDefault();
              router.push(`/documents/${documentId}?linkFrom=${annotationId}&linkType=${type}`);
            }}
          >
            <label htmlFor={`${id}-type`}>This annotation</label>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as LinkType)}>
              {(Object.keys(LINK_LABEL) as LinkType[]).map((t) => (
                <option key={t} value={t}>
                  {LINK_LABEL[t].forward.toLowerCase()}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-doc`}>a passage in</label>
            <select id={`${id}-doc`} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {truncate(d.title, 60)}
                </option>
              ))}
            </select>
            <div className="form-actions">
              <button type="submit" className="button">
                Choose the passage…
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  const workspaceId = pageWorkspaceId();
                  if (workspaceId) setFinder({ workspaceId });
                }}
              >
                Find the passage…
              </button>
              <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
            Link…
          </button>
        )
      ) : null}
      {finder ? (
        <LinkFinder
          workspaceId={finder.workspaceId}
          annotation={{ id: annotationId, exact: quote }}
          initialType={type}
          onLinked={(link) => setMadeHere((made) => [...made, link])}
          onClose={() => setFinder(null)}
        />
      ) : null}
    </section>
  );
}
