import { AuditPage } from "@/components/audit-page";

export default function Page({ searchParams }: { searchParams: Promise<{ before?: string; action?: string }> }) {
  return <AuditPage path="/monitor/audit" searchParams={searchParams} />;
}
