import type { Metadata } from "next";
import Link from "next/link";
import { cache, type ReactNode } from "react";
import { revisionTextUrl } from "@/components/api/documents-api";
import { DocumentMetadataPanel } from "@/components/documents/document-metadata-panel";
import { ReliabilityPanel } from "@/components/documents/reliability-panel";
import { DocumentText } from "@/components/documents/document-text";
import { highlightClassName } from "@/components/editor/utils/build-highlight-decoration";
import { DocumentReader } from "@/components/workbench/document-reader";
import type { LinkFrom } from "@/components/workbench/document-workbench";
import { CitationProvider } from "@/components/workbench/annotation-citation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { studentMayAnnotate } from "@/lib/classroom/assert-may-annotate";
import { toPackedJson } from "@/lib/annotations/packed-reading-annotations";
import { getDb } from "@/lib/db";
import { firstScreenBlocks } from "@/lib/documents/first-screen-blocks";
import { getDocumentPage, type DocumentPage as DocumentPageData } from "@/lib/documents/get-document-page";
import type { CitedDocument } from "@/lib/export/format-citation";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { LINK_TYPES } from "@/lib/vocabulary/link-type";
import { roleAtLeast } from "@/lib/workspaces/require-workspace-role";
import { parseTextRange } from "@/lib/search/text-range-param";

type Params = Promise<{ documentId: string }>;

// generateMetadata and the page share one session check and one load of the page's data per request.
const pageUser = cache(requirePageUser);
const loadPage = cache((userId: string, documentId: string) => getDocumentPage({ actor: { id: userId }, documentId }));
type SearchParams = Promise<{ annotation?: string; linkFrom?: string; linkType?: string; select?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { documentId } = await params;
  const user = await pageUser(`/documents/${documentId}`);
  const page = await loadPage(user.id, documentId).catch(() => null);
  return { title: page?.document.title ?? "Document" };
}

export default async function DocumentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { documentId } = await params;
  const query = await searchParams;
  const user = await pageUser(`/documents/${documentId}`);
  const { document, annotations, tags, links, documents, reliability } = await loadOrNotFound(loadPage(user.id, documentId));
  const workspaceId = document.workspace.id;
  // A link being made from an annotation elsewhere: only one the user can see, in this workspace.
  const linkSource = query.linkFrom ? await getAnnotation(getDb(), { actor: user, annotationId: query.linkFrom }).catch(() => null) : null;
  const linkType = LINK_TYPES.find((t) => t === query.linkType) ?? "CONTRADICTS";
  const linkFrom: LinkFrom | null =
    linkSource && linkSource.workspaceId === workspaceId
      ? { annotationId: linkSource.id, type: linkType, quote: linkSource.exact, documentTitle: linkSource.document.title, documentId: linkSource.document.id }
      : null;
  const canEditDocument = roleAtLeast(document.role, "EDITOR");
  // A short text comes whole with the page, and its reader draws the opening itself. A longer one
  // is not in the page: the server draws its opening (split once per revision) with the highlights
  // this user sees, and the browser starts fetching the text from its revision's cacheable endpoint
  // here, while the scripts load.
  const { text, id: revisionId, pageBreaks } = document.revision;
  const opening = firstScreenBlocks(revisionId, text);
  let serverOpening: ReactNode = null;
  if (opening.more) {
    const openingEnd = opening.blocks.at(-1)?.end ?? 0;
    const marks = annotations
      .filter((a) => a.anchorStatus === "ANCHORED" && a.start < openingEnd)
      .map((a) => ({ id: a.id, start: a.start, end: a.end, className: highlightClassName(a.kind) }));
    serverOpening = <DocumentText text={text} blocks={opening.blocks} marks={marks} pageBreaks={pageBreaks} />;
  }
  const canAnnotate = canEditDocument || (document.role === "STUDENT" && (await studentMayAnnotate(getDb(), { studentId: user.id, workspaceId, documentId })));
  return (
    <div className="page page--wide" data-workspace-id={workspaceId}>
      {/* An element of the page (React puts it in the head of the HTML), not react-dom's preload():
          a hint from a server component reaches the browser only once the client reads the page's
          data, after its scripts have loaded. */}
      {opening.more && <link rel="preload" href={revisionTextUrl(revisionId)} as="fetch" crossOrigin="anonymous" />}
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{document.workspace.name}</Link> / Document
      </div>
      <h1 className="document-title" id="document-title">
        {document.title}
      </h1>
      <CitationProvider document={citedFields(document)} pageBreaks={pageBreaks}>
        <DocumentReader
          key={revisionId}
          firstScreen={serverOpening}
          moreText={opening.more}
          revision={opening.more ? undefined : { revisionId, text, pageBreaks }}
          documentId={document.id}
          revisionId={revisionId}
          initialAnnotations={toPackedJson(annotations, text)}
          initialLinks={links}
          documents={documents}
          linkFrom={linkFrom}
          initialSelectedId={query.annotation ?? null}
          initialTextSelection={parseTextRange(query.select)}
          tags={tags}
          currentUser={{ id: user.id, name: user.name }}
          canAnnotate={canAnnotate}
          canEditText={canEditDocument}
          isOwner={document.role === "OWNER"}
          sideHeader={
            <>
              <DocumentMetadataPanel document={document} canEdit={canEditDocument} />
              <ReliabilityPanel documentId={document.id} summary={reliability} canRate={canEditDocument} />
            </>
          }
        />
      </CitationProvider>
    </div>
  );
}

/** What a citation names of the document: its metadata without its text (kept out of the client's props). */
function citedFields(document: DocumentPageData["document"]): CitedDocument {
  const { title, authors, dateText, containerTitle, publisher, publisherPlace, edition, volume, issue, pages, url, archiveLocation, provenance } = document;
  return { title, authors, dateText, containerTitle, publisher, publisherPlace, edition, volume, issue, pages, url, archiveLocation, provenance };
}
