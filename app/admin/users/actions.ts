"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/guard";
import { vi } from "@/lib/i18n/vi";
import { ZCreateUser, ZResetPassword, ZSetActive, ZUpdateUserScope } from "@/lib/users/schemas";
import { createUser, resetPassword, setUserActive, updateUserScope } from "@/lib/users/service";

export const createUserAction = action("users.create", "users.write", ZCreateUser, async (input, { actor }) => {
  const r = await createUser(input, actor);
  revalidatePath("/admin/users");
  return { id: r.id, message: vi.users.created(input.username) };
});

export const updateUserScopeAction = action("users.scope", "users.write", ZUpdateUserScope, async (input, { actor }) => {
  await updateUserScope(input, actor);
  revalidatePath("/admin/users");
  return { message: vi.users.saved };
});

export const resetPasswordAction = action("users.resetPassword", "users.write", ZResetPassword, async (input, { actor }) => {
  await resetPassword(input.userId, input.password, actor);
  revalidatePath("/admin/users");
  return { message: vi.users.passwordReset };
});

export const setUserActiveAction = action("users.setActive", "users.write", ZSetActive, async (input, { actor }) => {
  await setUserActive(input.userId, input.active, actor);
  revalidatePath("/admin/users");
  return { message: input.active ? vi.users.activated : vi.users.deactivated };
});
