import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HydrationMark } from "@/components/layout/hydration-mark";
import { SiteHeader } from "@/components/layout/site-header";
import { getSessionUser } from "@/lib/auth/session-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Source Criticism Workbench", template: "%s · Source Criticism Workbench" },
  description: "Annotate claims, bias and contradictions across historical sources.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <HydrationMark />
      </body>
    </html>
  );
}
