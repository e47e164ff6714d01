import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { firstParam, type RawSearchParams } from "@/lib/http/first-param";
import { requirePageUser } from "@/lib/http/page-access";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";

/** The header's search box, from a page outside any workspace: searches the first one, as the library opens it. */
export default async function SearchRedirectPage({ searchParams }: { searchParams: RawSearchParams }) {
  const q = firstParam((await searchParams).q) ?? "";
  const user = await requirePageUser(`/search?q=${encodeURIComponent(q)}`);
  const workspaces = await listUserWorkspaces(getDb(), { actor: user });
  redirect(workspaces[0] ? `/w/${workspaces[0].id}/search?q=${encodeURIComponent(q)}` : "/library");
}
