import type { Metadata } from "next";
import Link from "next/link";
import { formatScore } from "@/components/classroom/labels";
import { ConfusionHeatmap, PairwiseHeatmap, TechniqueBars } from "@/components/classroom/results-charts";
import { ResultsTable } from "@/components/classroom/results-table";
import { getAssignmentResults } from "@/lib/classroom/get-assignment-results";
import { getDb } from "@/lib/db";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "Results" };

const formatAlpha = (alpha: number | null) => (alpha === null ? "—" : alpha.toFixed(3));

export default async function ResultsPage({ params }: { params: Promise<{ workspaceId: string; assignmentId: string }> }) {
  const { workspaceId, assignmentId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/assignments/${assignmentId}/results`);
  const results = await loadOrNotFound(getAssignmentResults(getDb(), { actor: user, assignmentId }));
  const base = `/w/${results.assignment.workspaceId}/assignments/${assignmentId}`;

  return (
    <div className="page page--wide results-page">
      <div className="breadcrumbs">
        <Link href={`/w/${results.assignment.workspaceId}/assignments`}>Assignments</Link> / <Link href={base}>{results.assignment.title}</Link> / Results
      </div>
      <div className="page-header">
        <div>
          <div className="eyebrow">Results</div>
          <h1>{results.assignment.title}</h1>
          <p>
            Scored against a key of {results.keySize} spans. Precision and recall give partial credit by character overlap (SemEval-2020 Task 11); technique accuracy counts the key spans a student marked.
          </p>
        </div>
        <div className="form-actions">
          <Link className="button button--quiet" href={`${base}/heatmap`}>
            Class heatmap
          </Link>
        </div>
      </div>
      {results.keySize === 0 ? (
        <div className="alert alert--info" role="status">
          The answer key is empty: precision is 0 for every mark. Choose the key on the <Link href={base}>assignment page</Link>.
        </div>
      ) : null}

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Students</h2>
        {results.students.length === 0 ? <p className="muted">No students have joined this class yet.</p> : <ResultsTable rows={results.students} csvUrl={`/api/assignments/${assignmentId}/results?format=csv`} />}
      </section>

      <div className="classroom-columns">
        <section aria-labelledby="techniques-heading">
          <h2 id="techniques-heading">Per technique</h2>
          <TechniqueBars rows={results.perTechnique} />
        </section>
        <section aria-labelledby="confusion-heading">
          <h2 id="confusion-heading">Which technique students chose</h2>
          <ConfusionHeatmap cells={results.confusion} />
        </section>
      </div>

      <section aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">Agreement between students</h2>
        <p>
          Krippendorff&apos;s alpha (nominal, per character, {results.agreement.coders} students with work): <strong data-testid="alpha-overall">{formatAlpha(results.agreement.overall)}</strong>. 1 is perfect agreement, 0 what chance would give.
        </p>
        {results.agreement.perTechnique.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th>Technique</th>
                <th className="numeric">alpha</th>
                <th className="numeric">key spans</th>
                <th className="numeric">students&apos; spans</th>
                <th className="numeric">precision</th>
                <th className="numeric">recall</th>
              </tr>
            </thead>
            <tbody>
              {results.perTechnique.map((row, i) => (
                <tr key={row.technique}>
                  <td>{row.name}</td>
                  <td className="numeric">{formatAlpha(results.agreement.perTechnique[i]?.alpha ?? null)}</td>
                  <td className="numeric">{row.keySpans}</td>
                  <td className="numeric">{row.studentSpans}</td>
                  <td className="numeric">{formatScore(row.precision)}</td>
                  <td className="numeric">{formatScore(row.recall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <h3>Pairwise F1</h3>
        <PairwiseHeatmap students={results.pairwise.students} f1={results.pairwise.f1} />
      </section>
    </div>
  );
}
