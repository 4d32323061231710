/** Strings of designated verifiers of double entry (issue 5; docs/decisions/2026-11-23-designated-verifier.md). */

export const verifiersText = {
  title: "Người xác minh nhập liệu hai lần",
  intro:
    "Ngoài quản trị viên, những cán bộ được chỉ định dưới đây được đối chiếu các phiếu nhập hai lần của kế hoạch này (mọi đơn vị trong phạm vi kế hoạch), trừ phiếu do chính họ nhập. Chỉ chỉ định được tài khoản cán bộ nhập liệu.",
  share: (percent: string) => `Tỷ lệ phiếu được chọn ngẫu nhiên để nhập hai lần: ${percent}.`,
  none: "Chưa chỉ định người xác minh nào: chỉ quản trị viên đối chiếu được.",
  columns: { user: "Cán bộ", since: "Chỉ định lúc", by: "Người chỉ định", status: "Trạng thái" },
  effective: "Đang có hiệu lực",
  notEffective: "Không có hiệu lực (tài khoản đã khóa hoặc không còn là cán bộ nhập liệu)",
  pick: "Cán bộ nhập liệu",
  pickPlaceholder: "— Chọn cán bộ —",
  add: "Chỉ định làm người xác minh",
  remove: "Bỏ chỉ định",
  confirmRemove: (name: string) => `Bỏ chỉ định ${name}? Cán bộ này sẽ không còn đối chiếu được phiếu của kế hoạch.`,
  noCandidates: "Không còn cán bộ nhập liệu nào để chỉ định.",
  added: (name: string) => `Đã chỉ định ${name} làm người xác minh của kế hoạch.`,
  removed: (name: string) => `Đã bỏ chỉ định ${name}.`,
  errors: {
    noPlan: "Không tìm thấy kế hoạch.",
    noUser: "Không tìm thấy tài khoản này.",
    inactive: (name: string) => `Tài khoản ${name} đang bị khóa: hãy mở lại tài khoản trước khi chỉ định.`,
    wrongRole: (name: string) =>
      `${name} không phải cán bộ nhập liệu: chỉ chỉ định được tài khoản cán bộ nhập liệu làm người xác minh (quản trị viên đã đối chiếu được mọi phiếu).`,
    already: (name: string) => `${name} đã là người xác minh của kế hoạch này.`,
    notDesignated: (name: string) => `${name} không phải người xác minh của kế hoạch này.`,
    frozen: (state: string) => `Kế hoạch đang ở trạng thái “${state}”: không còn thay đổi người xác minh được.`,
  },
  /** Refusals to a designated verifier, on the reconcile screens. */
  refuse: {
    notVerifier: "Bạn chưa được chỉ định là người xác minh của kế hoạch này. Hãy liên hệ quản trị viên (Sở Nội vụ) nếu cần.",
    ownEntry: (code: string, round: number, others: readonly string[]) =>
      `Bạn đã nhập phiếu ${code} (lần ${round}) nên không được tự đối chiếu phiếu này. Người có thể quyết định: quản trị viên (Sở Nội vụ)` +
      (others.length > 0 ? ` hoặc người xác minh khác của kế hoạch: ${others.join(", ")}.` : "."),
    hiddenOwn: (n: number) => `${n} phiếu khác chờ đối chiếu do chính bạn nhập nên không hiển thị ở đây: quản trị viên hoặc người xác minh khác sẽ quyết định.`,
  },
  role: "Người xác minh",
} as const;
