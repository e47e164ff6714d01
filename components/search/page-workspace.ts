/** The workspace a page belongs to, as the page marks it (`data-workspace-id` on its root), for client components outside its props. */
export function pageWorkspaceId(): string | null {
  return document.querySelector<HTMLElement>("[data-workspace-id]")?.dataset.workspaceId ?? null;
}
