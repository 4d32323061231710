import Link from "next/link";
import { vi } from "@/lib/i18n/vi";

export default function Forbidden() {
  return (
    <div className="login-wrap">
      <div className="login-card">
        <h1>403</h1>
        <p role="alert">{vi.errors.forbiddenPage}</p>
        <Link href="/" className="button">
          {vi.errors.backHome}
        </Link>
      </div>
    </div>
  );
}
