import { disconnectDb } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/service";

/** `npm run sipas -- audit-verify`: checks the audit hash chain in DATABASE_URL's database. */
const command = {
  summary: "kiểm tra chuỗi băm của nhật ký kiểm tra (cần DATABASE_URL)",
  async run(_argv: string[]): Promise<number> {
    try {
      const result = await verifyAuditChain();
      if (result.ok) {
        console.log(`Nhật ký kiểm tra toàn vẹn: ${result.count} sự kiện, chuỗi băm khớp.`);
        return 0;
      }
      console.error(
        `Nhật ký kiểm tra KHÔNG toàn vẹn: sự kiện #${result.broken.id} bị hỏng (${result.broken.reason}). ` +
          `${result.count} sự kiện trước đó hợp lệ.`,
      );
      return 3;
    } finally {
      await disconnectDb();
    }
  },
};
export default command;
