import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session-user";

export default async function HomePage() {
  redirect((await getSessionUser()) ? "/library" : "/signin");
}
