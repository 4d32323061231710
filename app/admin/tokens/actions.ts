"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { tokensText as t } from "@/lib/i18n/frames";
import { ZIssueToken, ZRevokeToken } from "@/lib/tokens/schemas";
import { issueToken, revokeToken } from "@/lib/tokens/service";

export const issueTokenAction = action("tokens.issue", "tokens.write", ZIssueToken, async (input, { user, actor }) => {
  const r = await issueToken(input.name, { ...actor, id: user.id });
  revalidatePath("/admin/tokens");
  return { id: r.id, token: r.token, message: t.issued };
});

export const revokeTokenAction = action("tokens.revoke", "tokens.write", ZRevokeToken, async (input, { actor }) => {
  await revokeToken(input.id, actor);
  revalidatePath("/admin/tokens");
  return { message: t.revoked };
});
