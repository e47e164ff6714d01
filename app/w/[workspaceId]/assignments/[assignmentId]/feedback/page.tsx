import type { Metadata } from "next";
import Link from "next/link";
import { formatScore } from "@/components/classroom/labels";
import { MarkedText } from "@/components/compare/marked-text";
import { getStudentFeedback } from "@/lib/classroom/get-student-feedback";
import { getDb } from "@/lib/db";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "Your results" };

export default async function FeedbackPage({ params }: { params: Promise<{ workspaceId: string; assignmentId: string }> }) {
  const { workspaceId, assignmentId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/assignments/${assignmentId}/feedback`);
  const feedback = await loadOrNotFound(getStudentFeedback(getDb(), { actor: user, assignmentId }));
  const { scores } = feedback;
  const base = `/w/${feedback.assignment.workspaceId}/assignments/${assignmentId}`;
  const hits = feedback.documents.reduce((n, d) => n + d.mine.filter((m) => m.status === "hit").length, 0);
  const extras = feedback.documents.reduce((n, d) => n + d.mine.filter((m) => m.status === "extra").length, 0);
  const missed = feedback.documents.reduce((n, d) => n + d.key.filter((k) => k.status === "missed").length, 0);

  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href="/assignments">My assignments</Link> / <Link href={base}>{feedback.assignment.title}</Link> / Results
      </div>
      <div className="page-header">
        <div>
          <div className="eyebrow">Your results</div>
          <h1>{feedback.assignment.title}</h1>
        </div>
      </div>
      <dl className="score-cards" aria-label="Your scores">
        <div>
          <dt>Precision</dt>
          <dd>{formatScore(scores.precision)}</dd>
        </div>
        <div>
          <dt>Recall</dt>
          <dd>{formatScore(scores.recall)}</dd>
        </div>
        <div>
          <dt>F1</dt>
          <dd>{formatScore(scores.f1)}</dd>
        </div>
        <div>
          <dt>Technique accuracy</dt>
          <dd>{formatScore(scores.techniqueAccuracy)}</dd>
        </div>
        <div>
          <dt>Your marks</dt>
          <dd>{scores.marks}</dd>
        </div>
      </dl>
      {feedback.comment ? (
        <blockquote className="teacher-comment">
          <strong>Your teacher:</strong> {feedback.comment}
        </blockquote>
      ) : null}
      <p className="feedback-legend">
        <mark className="fb fb--hit">{hits} found</mark> <mark className="fb fb--extra">{extras} not in the key</mark> <mark className="fb fb--missed">{missed} missed</mark>
      </p>
      {feedback.documents.map((document) => (
        <section key={document.id} className="feedback-document" aria-label={document.title}>
          <h2>{document.title}</h2>
          <div className="feedback-columns">
            <div>
              <h3>Your marks</h3>
              <MarkedText text={document.text} marks={document.mine.map((m) => ({ id: m.id, start: m.start, end: m.end, className: `fb fb--${m.status}` }))} />
            </div>
            <div>
              <h3>The key</h3>
              <MarkedText text={document.text} marks={document.key.map((k) => ({ id: k.id, start: k.start, end: k.end, className: `fb fb--${k.status === "found" ? "hit" : "missed"}` }))} />
            </div>
          </div>
          {document.key.length > 0 ? (
            <table className="table">
              <thead>
                <tr>
                  <th>Key span</th>
                  <th>Technique</th>
                  <th>You</th>
                </tr>
              </thead>
              <tbody>
                {document.key.map((k) => (
                  <tr key={k.id}>
                    <td>
                      <q>{document.text.slice(k.start, k.end)}</q>
                    </td>
                    <td>{k.technique || "—"}</td>
                    <td>{k.status === "found" ? "found" : "missed"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </div>
  );
}
