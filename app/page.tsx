import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { HOME_PATH } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function Root() {
  const user = await getSessionUser();
  redirect(user ? HOME_PATH[user.role] : "/login");
}
