import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SnippetText } from "@/components/search/snippet-text";
import { searchHitHref } from "@/components/search/search-hit-link";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { RawSearchParams } from "@/lib/http/first-param";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { SOURCE_LABEL, searchWorkspace, type FacetValue, type SearchFacets, type SearchHit, type SearchResult } from "@/lib/search/search-workspace";
import { SEARCH_PARAMETERS, SEARCH_SCOPES, parseSearchParams, type SearchRequest } from "@/lib/validations/search";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { citePages } from "@/lib/documents/page-breaks";

export const metadata: Metadata = { title: "Search" };

type Params = Promise<{ workspaceId: string }>;

const SCOPE_LABEL: Record<(typeof SEARCH_SCOPES)[number], string> = { all: "Texts and annotations", text: "Texts only", annotations: "Annotations, replies and links" };

const FACETS: { field: keyof SearchFacets & keyof SearchRequest; title: string }[] = [
  { field: "sourceKind", title: "Source kind" },
  { field: "language", title: "Language" },
  { field: "documentAuthor", title: "Author of the document" },
  { field: "kind", title: "Annotation kind" },
  { field: "techniqueId", title: "Technique" },
  { field: "verdict", title: "Verdict" },
  { field: "tagId", title: "Tag" },
  { field: "authorId", title: "Annotated by" },
];

function toParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) if (typeof value === "string") params.set(name, value);
  return params;
}

/** The URL of this search with some parameters changed (undefined removes one); facets reset the page. */
function hrefWith(workspaceId: string, request: SearchRequest, changes: Partial<Record<keyof SearchRequest, string | number | undefined>>): string {
  const params = new URLSearchParams();
  const merged: Partial<Record<keyof SearchRequest, unknown>> = { ...request, page: undefined, ...changes };
  for (const [field, name] of Object.entries(SEARCH_PARAMETERS) as [keyof SearchRequest, string][]) {
    const value = merged[field];
    if (value === undefined || value === null || value === "" || (field === "scope" && value === "all") || (field === "page" && value === 1)) continue;
    params.set(name, String(value));
  }
  return `/w/${encodeURIComponent(workspaceId)}/search?${params.toString()}`;
}

export default async function SearchPage({ params, searchParams }: { params: Params; searchParams: RawSearchParams }) {
  const { workspaceId } = await params;
  const raw = toParams(await searchParams);
  const user = await requirePageUser(`/w/${workspaceId}/search?${raw.toString()}`);
  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  let result: SearchResult | null = null;
  let problem: string | null = null;
  try {
    result = await loadOrNotFound(searchWorkspace(db, { actor: user, workspaceId, input: parseSearchParams(raw) }));
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  const request = result?.request ?? { q: raw.get("q") ?? "", scope: "all" as const, page: 1 };
  const q = request.q;

  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Search
      </div>
      <div className="page-header">
        <div>
          <h1>Search</h1>
          <p>
            Words, <code>&quot;exact phrases&quot;</code>, <code>prefix*</code>, <code>OR</code>, <code>-leave out</code>, <code>Zinoviev NEAR Kamenev</code>.
          </p>
        </div>
      </div>
      <form className="toolbar search-form" method="get" role="search" aria-label="Search this workspace">
        <label className="search-form__query">
          <span className="visually-hidden">Search for</span>
          <input type="search" name="q" defaultValue={q} placeholder="Search texts and annotations" maxLength={500} autoFocus={!q} />
        </label>
        <label>
          In{" "}
          <select name="scope" defaultValue={request.scope}>
            {SEARCH_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_LABEL[scope]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Dated from{" "}
          <input name="from" defaultValue={request.from ?? ""} placeholder="1917" size={10} pattern="\d{1,4}(-\d{2}(-\d{2})?)?" title="YYYY, YYYY-MM or YYYY-MM-DD" />
        </label>
        <label>
          to <input name="to" defaultValue={request.to ?? ""} placeholder="1930" size={10} pattern="\d{1,4}(-\d{2}(-\d{2})?)?" title="YYYY, YYYY-MM or YYYY-MM-DD" />
        </label>
        <button className="button" type="submit">
          Search
        </button>
      </form>

      {problem && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      {result && <SearchResults workspaceId={workspaceId} result={result} />}
    </div>
  );
}

function SearchResults({ workspaceId, result }: { workspaceId: string; result: SearchResult }) {
  const { request } = result;
  if (result.query.problem) {
    return <p className="empty-state">{request.q.trim() ? result.query.problem : "Type a word or a phrase above to search every document, annotation, reply and link in this workspace."}</p>;
  }
  return (
    <div className="search-layout">
      <aside className="search-facets" aria-label="Narrow the results">
        {result.facets && <Facets workspaceId={workspaceId} request={request} facets={result.facets} />}
      </aside>
      <section aria-label="Results" className="search-results">
        <p className="status-line" role="status">
          {result.total === 0
            ? `Nothing found for “${request.q}”${hasFacets(request) ? " with the chosen filters" : ""}.`
            : `${result.total.toLocaleString("en")} ${result.total === 1 ? "result" : "results"} for “${request.q}” · page ${result.page} of ${Math.max(1, result.pageCount)}`}
        </p>
        {result.groups.map((group) => (
          <article className="search-group" key={group.document.id}>
            <h2 className="search-group__title">
              <Link href={`/documents/${encodeURIComponent(group.document.id)}`}>{group.document.title}</Link>
            </h2>
            <p className="search-group__meta muted">
              {[group.document.dateText, group.document.authors.join("; "), group.document.sourceKind?.toLowerCase(), group.document.language].filter(Boolean).join(" · ")}
              {" · "}
              {group.total} {group.total === 1 ? "hit" : "hits"} in this document
            </p>
            <ol className="search-hits">
              {group.hits.map((hit) => (
                <SearchHitItem key={hit.id} hit={hit} />
              ))}
            </ol>
          </article>
        ))}
        {result.pageCount > 1 && (
          <nav className="search-paging" aria-label="Pages">
            {result.page > 1 ? <Link href={hrefWith(workspaceId, request, { page: result.page - 1 })}>← Previous</Link> : <span />}
            <span className="muted">
              Page {result.page} of {result.pageCount}
            </span>
            {result.page < result.pageCount ? <Link href={hrefWith(workspaceId, request, { page: result.page + 1 })}>Next →</Link> : <span />}
          </nav>
        )}
      </section>
    </div>
  );
}

function SearchHitItem({ hit }: { hit: SearchHit }) {
  const label =
    hit.source === "BLOCK"
      ? `Text${hit.block?.heading ? ` · ${hit.block.heading}` : ""} · paragraph ${(hit.block?.index ?? 0) + 1}`
      : hit.source === "ANNOTATION"
        ? `${hit.annotation?.kind === "BIAS_MARKER" ? `Bias marker${hit.annotation.technique ? `: ${hit.annotation.technique}` : ""}` : (hit.annotation?.kind.toLowerCase().replace(/^./, (c) => c.toUpperCase()) ?? "Annotation")}${hit.annotation?.verdict ? ` · ${hit.annotation.verdict.toLowerCase()}` : ""} · ${hit.annotation?.author ?? ""}`
        : hit.source === "REPLY"
          ? `Reply by ${hit.reply?.author ?? "someone"} on “${hit.annotation?.exact.slice(0, 60) ?? ""}”`
          : `Link: ${hit.link?.type.toLowerCase().replace(/_/g, " ")} “${hit.link?.target.exact.slice(0, 60) ?? ""}” (${hit.link?.target.documentTitle ?? ""})`;
  return (
    <li className={`search-hit search-hit--${hit.source.toLowerCase()}`}>
      <Link className="search-hit__open" href={searchHitHref(hit)}>
        <span className="search-hit__source">{SOURCE_LABEL[hit.source]}</span> <span className="search-hit__label">{label}</span>
        {hit.page !== null && <span className="search-hit__page"> · {citePages(hit.page)}</span>}
      </Link>
      {hit.snippet && (
        <p className={hit.source === "BLOCK" ? "search-hit__snippet search-hit__snippet--text" : "search-hit__snippet"}>
          <SnippetText snippet={hit.snippet} />
        </p>
      )}
      {hit.noteSnippet && (
        <p className="search-hit__note">
          <SnippetText snippet={hit.noteSnippet} />
        </p>
      )}
    </li>
  );
}

function hasFacets(request: SearchRequest): boolean {
  return FACETS.some(({ field }) => request[field] !== undefined) || request.from !== undefined || request.to !== undefined;
}

function Facets({ workspaceId, request, facets }: { workspaceId: string; request: SearchRequest; facets: SearchFacets }) {
  const chosenYear = request.from && request.from === request.to ? request.from : null;
  return (
    <>
      {hasFacets(request) && (
        <p>
          <Link className="button button--quiet button--small" href={hrefWith(workspaceId, { q: request.q, scope: request.scope, page: 1 }, {})}>
            Clear all filters
          </Link>
        </p>
      )}
      <FacetList
        title="Date of the document"
        values={facets.year}
        chosen={chosenYear}
        href={(value) => hrefWith(workspaceId, request, { from: value, to: value })}
        clear={request.from || request.to ? hrefWith(workspaceId, request, { from: undefined, to: undefined }) : null}
        extra={
          request.from || request.to ? (
            <p className="muted">
              {request.from ?? "…"} – {request.to ?? "…"}
            </p>
          ) : null
        }
      />
      {FACETS.map(({ field, title }) => (
        <FacetList
          key={field}
          title={title}
          values={facets[field]}
          chosen={typeof request[field] === "string" ? (request[field] as string) : null}
          href={(value) => hrefWith(workspaceId, request, { [field]: value })}
          clear={request[field] !== undefined ? hrefWith(workspaceId, request, { [field]: undefined }) : null}
        />
      ))}
    </>
  );
}

function FacetList({ title, values, chosen, href, clear, extra = null }: { title: string; values: FacetValue[]; chosen: string | null; href: (value: string) => string; clear: string | null; extra?: ReactNode }) {
  if (values.length === 0 && !clear) return null;
  return (
    <section className="search-facet">
      <h2>{title}</h2>
      {extra}
      <ul>
        {values.map((value) => (
          <li key={value.value}>
            {chosen === value.value ? (
              <strong aria-current="true">{value.label}</strong>
            ) : (
              <Link href={href(value.value)}>{value.label}</Link>
            )}{" "}
            <span className="muted">{value.count.toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
      {clear && (
        <Link className="search-facet__clear" href={clear}>
          × Any {title.toLowerCase()}
        </Link>
      )}
    </section>
  );
}
