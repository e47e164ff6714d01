import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "./nav-link";
import { HeaderSearch } from "@/components/search/header-search";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={user ? "/library" : "/signin"} className="brand">
          <strong>Source Criticism</strong> Workbench
        </Link>
        {user ? (
          <>
            <nav className="site-nav" aria-label="Main">
              <NavLink href="/library" match="/w/">
                Library
              </NavLink>
              <NavLink href="/assignments">My assignments</NavLink>
              <NavLink href="/account">Account</NavLink>
            </nav>
            <HeaderSearch />
            <div className="site-user">
              <span>{user.name}</span>
              <SignOutButton />
            </div>
          </>
        ) : (
          <nav className="site-nav" aria-label="Main" />
        )}
      </div>
    </header>
  );
}
