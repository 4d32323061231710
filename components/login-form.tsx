"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { vi } from "@/lib/i18n/vi";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError(vi.login.missing);
      return;
    }
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", { username, password, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : vi.login.invalid);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    // method="post": a submit before hydration must never put the password in a URL.
    <form onSubmit={onSubmit} method="post" noValidate>
      <label htmlFor="username">{vi.login.username}</label>
      <input id="username" name="username" autoComplete="username" autoFocus required />
      <label htmlFor="password">{vi.login.password}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? vi.login.submitting : vi.login.submit}
        </button>
      </p>
    </form>
  );
}
