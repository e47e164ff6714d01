import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page page--narrow">
      <h1>Not found</h1>
      <p>This page does not exist, or it belongs to a workspace you are not a member of.</p>
      <p>
        <Link href="/library">Back to your library</Link>
      </p>
    </div>
  );
}
