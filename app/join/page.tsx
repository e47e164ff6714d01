import type { Metadata } from "next";
import { JoinForm } from "@/components/classroom/join-form";
import { requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage() {
  await requirePageUser("/join");
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <div className="eyebrow">Classroom</div>
          <h1>Join a class</h1>
          <p>Type the code your teacher gave you. You join as a student.</p>
        </div>
      </div>
      <JoinForm />
    </div>
  );
}
