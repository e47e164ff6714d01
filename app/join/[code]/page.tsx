import type { Metadata } from "next";
import { JoinForm } from "@/components/classroom/join-form";
import { requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "Join a class" };

/** The invite link: signs the visitor in first (coming back here), then one click joins. */
export default async function JoinByLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requirePageUser(`/join/${encodeURIComponent(code)}`);
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <div className="eyebrow">Classroom</div>
          <h1>Join a class</h1>
          <p>You were invited with a class code. You join as a student: your work stays yours until your teacher releases the results.</p>
        </div>
      </div>
      <JoinForm initialCode={code.slice(0, 32)} />
    </div>
  );
}
