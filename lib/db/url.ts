/** The database URL: DATABASE_URL, else the embedded server's (set by scripts/start.ts). */
export function resolveDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "Chưa có DATABASE_URL. Hãy chạy ứng dụng bằng `npm start` (tự khởi động PostgreSQL nhúng) hoặc đặt DATABASE_URL.",
    );
  }
  return url;
}
