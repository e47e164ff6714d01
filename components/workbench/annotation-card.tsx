"use client";

import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import type { LinkView } from "@/lib/links/link-view";
import { AnnotationLinks } from "./annotation-links";
import { RepliesThread } from "./replies-thread";
import { KIND_LABEL, kindSlug } from "@/lib/vocabulary/annotation-kind";
import { truncate } from "@/components/labels/truncate";
import { CLAIM_VERDICT_LABEL } from "@/lib/vocabulary/claim-verdict";
import { byline } from "@/components/labels/byline";
import { useAnnotationCitation } from "./annotation-citation";

/**
 * One annotation in the panel. Collapsed: kind, quote and the start of the note. Open: everything,
 * its discussion, and the actions its reader may take.
 */
export function AnnotationCard({
  annotation,
  open,
  currentUserId,
  canEdit,
  canDelete,
  isOwner,
  onSelect,
  onEdit,
  onDelete,
  onReplyCount,
  links,
  documents,
  canLink,
  onDeleteLink,
  onLinkHere,
  currentUserIsOwner,
  techniqueDescription,
}: {
  currentUserIsOwner: boolean;
  annotation: ReadingAnnotation;
  techniqueDescription: string | undefined;
  links: LinkView[];
  documents: { id: string; title: string }[];
  canLink: boolean;
  onDeleteLink: (link: LinkView) => void;
  /** Set while choosing the other end of a new link: links this annotation as that end. */
  onLinkHere?: () => void;
  open: boolean;
  currentUserId: string;
  canEdit: boolean;
  canDelete: boolean;
  isOwner: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onReplyCount: (count: number) => void;
}) {
  const kindClass = kindSlug(annotation.kind);
  const cited = useAnnotationCitation(annotation);
  return (
    <article className={`annotation-card annotation-card--${kindClass}${open ? " is-open" : ""}`} aria-label={`${KIND_LABEL[annotation.kind]} by ${byline(annotation)}`}>
      <button type="button" className="annotation-card__summary" onClick={onSelect} aria-expanded={open}>
        <span className="annotation-card__kind">
          <span className={`kind-dot kind-dot--${kindClass}`} aria-hidden="true" />
          {KIND_LABEL[annotation.kind]}
          {annotation.kind === "BIAS_MARKER" && annotation.technique ? ` · ${annotation.technique.name}` : ""}
          {annotation.kind === "CLAIM" && annotation.verdict ? ` · ${CLAIM_VERDICT_LABEL[annotation.verdict]}` : ""}
          {annotation.visibility === "PRIVATE" ? <span className="badge">private</span> : null}
        </span>
        <span className="annotation-card__quote">“{truncate(annotation.exact, open ? 400 : 110)}”</span>
        {!open && annotation.note ? <span className="annotation-card__note">{truncate(annotation.note, 90)}</span> : null}
        <span className="annotation-card__meta">
          {cited?.pages ? `${cited.pages} · ` : ""}
          {byline(annotation)}
          {annotation.replyCount > 0 ? ` · ${annotation.replyCount} repl${annotation.replyCount === 1 ? "y" : "ies"}` : ""}
          {links.length > 0 ? ` · ${links.length} link${links.length === 1 ? "" : "s"}` : ""}
        </span>
      </button>
      {open ? (
        <div className="annotation-card__body">
          {annotation.kind === "BIAS_MARKER" && annotation.technique && techniqueDescription ? <p className="hint">{techniqueDescription}</p> : null}
          {annotation.kind === "CLAIM" && annotation.confidence !== null ? <p className="hint">Confidence {annotation.confidence}%</p> : null}
          {annotation.tags.length > 0 ? (
            <p className="annotation-card__tags">
              {annotation.tags.map((tag) => (
                <span key={tag.id} className="pill" style={{ borderColor: tag.colour }}>
                  {tag.name}
                </span>
              ))}
            </p>
          ) : null}
          {annotation.note ? (
            <p className="annotation-card__note-full" aria-busy={annotation.noteIsOpening === true}>
              {annotation.note}
              {annotation.noteIsOpening ? <span className="muted"> … loading the rest of the note</span> : null}
            </p>
          ) : null}
          <p className="hint">
            {new Date(annotation.createdAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}
            {annotation.updatedAt !== annotation.createdAt ? " · edited" : ""}
          </p>
          {cited ? (
            <p className="annotation-card__citation">
              <span className="hint">Cite as: </span>
              {cited.citation}
            </p>
          ) : null}
          {onLinkHere ? (
            <button type="button" className="button" onClick={onLinkHere}>
              Link here
            </button>
          ) : null}
          <AnnotationLinks
            annotationId={annotation.id}
            quote={annotation.exact}
            links={links}
            documents={documents}
            canLink={canLink}
            canUnlink={(link) => canLink && (link.author.id === currentUserId || currentUserIsOwner)}
            onDeleteLink={onDeleteLink}
          />
          {canEdit || canDelete ? (
            <div className="form-actions">
              {canEdit ? (
                <button type="button" className="button button--quiet" onClick={onEdit}>
                  Edit
                </button>
              ) : null}
              {canDelete ? (
                <button type="button" className="button button--quiet" onClick={onDelete}>
                  Delete
                </button>
              ) : null}
            </div>
          ) : null}
          <RepliesThread annotationId={annotation.id} currentUserId={currentUserId} isOwner={isOwner} onCountChange={onReplyCount} />
        </div>
      ) : null}
    </article>
  );
}
