/**
 * The chain of custody of one paper form (SIPAS-METHOD §6).
 *
 * Main path: CREATED → PRINTED → DISPATCHED → DELIVERED → RETURNED → ENTERED → VERIFIED.
 * Every allowed move is one row of TRANSITIONS below, with the reason it exists;
 * anything not listed is refused. The names match the Prisma enum `FormState`.
 */

export const FORM_STATES = [
  "CREATED",
  "PRINTED",
  "DISPATCHED",
  "DELIVERED",
  "RETURNED",
  "ENTERED",
  "VERIFIED",
  "UNDELIVERABLE",
  "REFUSED",
  "NOT_RETURNED",
  "REPLACED",
  "SPOILED",
] as const;
export type FormState = (typeof FORM_STATES)[number];

/** How a response reached us (SIPAS-METHOD §6). Names for a Prisma enum `SurveyMode`. */
export const SURVEY_MODES = ["POST", "DIRECT", "ONLINE", "KIOSK", "PHONE"] as const;
export type SurveyMode = (typeof SURVEY_MODES)[number];

/** Modes whose answers arrive on paper and are typed in by a clerk. */
export const PAPER_MODES: readonly SurveyMode[] = ["POST", "DIRECT"];
/** Modes whose answers arrive without a paper form coming back. */
export const ELECTRONIC_MODES: readonly SurveyMode[] = ["ONLINE", "KIOSK", "PHONE"];

/**
 * Which channel an edge may be taken by:
 * - `any`: a custody event; the mode does not matter and may be omitted;
 * - `paper`: a clerk enters a paper form; mode omitted, POST or DIRECT;
 * - `electronic`: the respondent answered by form code (online, kiosk) or by phone;
 *   the caller must say so by passing that mode.
 */
export type TransitionChannel = "any" | "paper" | "electronic";

type Transition = { from: FormState; to: FormState; via: TransitionChannel; why: string };

export const TRANSITIONS: readonly Transition[] = [
  { from: "CREATED", to: "PRINTED", via: "any", why: "printed in a batch" },
  { from: "CREATED", to: "SPOILED", via: "any", why: "cancelled before printing (e.g. wrong unit)" },
  { from: "PRINTED", to: "DISPATCHED", via: "any", why: "handed to the post office in a dispatch batch" },
  { from: "PRINTED", to: "DELIVERED", via: "any", why: "handed to the person directly at the one-stop desk" },
  { from: "PRINTED", to: "SPOILED", via: "any", why: "misprint, torn or lost before dispatch" },
  { from: "PRINTED", to: "ENTERED", via: "electronic", why: "answered online/kiosk/phone before dispatch" },
  { from: "DISPATCHED", to: "DELIVERED", via: "any", why: "the post office confirms delivery" },
  // Post offices often report only what comes back, so delivery need not be recorded.
  { from: "DISPATCHED", to: "RETURNED", via: "any", why: "returned without a delivery report" },
  { from: "DISPATCHED", to: "UNDELIVERABLE", via: "any", why: "address not found, person moved or died" },
  { from: "DISPATCHED", to: "REFUSED", via: "any", why: "refused at the door" },
  { from: "DISPATCHED", to: "NOT_RETURNED", via: "any", why: "collection deadline passed, nothing heard" },
  { from: "DISPATCHED", to: "ENTERED", via: "electronic", why: "answered online with the code on the form" },
  { from: "DELIVERED", to: "RETURNED", via: "any", why: "collected and back at the Sở" },
  { from: "DELIVERED", to: "REFUSED", via: "any", why: "the person declined to answer" },
  { from: "DELIVERED", to: "NOT_RETURNED", via: "any", why: "collection deadline passed" },
  { from: "DELIVERED", to: "ENTERED", via: "electronic", why: "answered online with the code on the form" },
  { from: "RETURNED", to: "ENTERED", via: "paper", why: "a clerk typed the paper form in" },
  // A form that comes back blank is an unanswered form (§2.5): it may be replaced.
  { from: "RETURNED", to: "REFUSED", via: "any", why: "came back blank" },
  // A late form is still a valid answer as long as no reserve person has replaced it.
  { from: "NOT_RETURNED", to: "RETURNED", via: "any", why: "arrived after the deadline, before replacement" },
  { from: "NOT_RETURNED", to: "ENTERED", via: "electronic", why: "answered online late, before replacement" },
  { from: "ENTERED", to: "VERIFIED", via: "any", why: "double entry reconciled or checked" },
  { from: "UNDELIVERABLE", to: "REPLACED", via: "any", why: "a reserve person gets a new form" },
  { from: "REFUSED", to: "REPLACED", via: "any", why: "a reserve person gets a new form" },
  { from: "NOT_RETURNED", to: "REPLACED", via: "any", why: "a reserve person gets a new form" },
];

export const FORM_STATE_LABELS: Record<FormState, string> = {
  CREATED: "Đã tạo",
  PRINTED: "Đã in",
  DISPATCHED: "Đã giao bưu điện",
  DELIVERED: "Đã đến tay người được khảo sát",
  RETURNED: "Đã thu về",
  ENTERED: "Đã nhập liệu",
  VERIFIED: "Đã kiểm tra",
  UNDELIVERABLE: "Không phát được",
  REFUSED: "Từ chối trả lời",
  NOT_RETURNED: "Không thu hồi được",
  REPLACED: "Đã thay thế",
  SPOILED: "Hỏng, đã hủy",
};

export const SURVEY_MODE_LABELS: Record<SurveyMode, string> = {
  POST: "Qua bưu điện",
  DIRECT: "Trực tiếp tại Bộ phận Một cửa",
  ONLINE: "Trực tuyến",
  KIOSK: "Tại máy tự phục vụ (kiosk)",
  PHONE: "Phỏng vấn qua điện thoại",
};

/** States whose person may be replaced by the next reserve person (SIPAS-METHOD §2.5). */
export const REPLACEABLE_STATES: readonly FormState[] = ["UNDELIVERABLE", "REFUSED", "NOT_RETURNED"];
/** States in which the form carries a counted response. */
export const RESPONDED_STATES: readonly FormState[] = ["ENTERED", "VERIFIED"];
/** States with no way out. */
export const TERMINAL_STATES: readonly FormState[] = FORM_STATES.filter(
  (s) => !TRANSITIONS.some((t) => t.from === s),
);

export function isFormState(value: string): value is FormState {
  return (FORM_STATES as readonly string[]).includes(value);
}

export function mayBeReplaced(state: FormState): boolean {
  return REPLACEABLE_STATES.includes(state);
}

function channelAllows(via: TransitionChannel, mode: SurveyMode | undefined): boolean {
  switch (via) {
    case "any":
      return true;
    case "paper":
      return mode === undefined || PAPER_MODES.includes(mode);
    case "electronic":
      return mode !== undefined && ELECTRONIC_MODES.includes(mode);
  }
}

/**
 * Whether a form may move from `from` to `to`. Pass `mode` when the move records a
 * response: moves to ENTERED from anything but RETURNED need an electronic mode.
 */
export function canTransition(from: FormState, to: FormState, mode?: SurveyMode): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to && channelAllows(t.via, mode));
}

/** The states reachable in one move, in the order of FORM_STATES. */
export function nextStates(from: FormState, mode?: SurveyMode): FormState[] {
  return FORM_STATES.filter((to) => canTransition(from, to, mode));
}

const quote = (s: FormState): string => `“${FORM_STATE_LABELS[s]}”`;

/** A refused move. `message` is Vietnamese and says what is allowed instead. */
export class FormTransitionError extends Error {
  readonly code = "FORM_TRANSITION_REFUSED";
  readonly allowed: FormState[];

  constructor(
    readonly from: FormState,
    readonly to: FormState,
    readonly mode: SurveyMode | undefined,
  ) {
    super(transitionRefusal(from, to, mode));
    this.name = "FormTransitionError";
    this.allowed = nextStates(from, mode);
  }
}

function transitionRefusal(from: FormState, to: FormState, mode: SurveyMode | undefined): string {
  const head = `Không thể chuyển phiếu từ trạng thái ${quote(from)} sang ${quote(to)}.`;
  const edge = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (edge?.via === "electronic") {
    return (
      `${head} Phiếu ở trạng thái ${quote(from)} chỉ được ghi nhận ${quote(to)} khi người được khảo sát ` +
      "trả lời trực tuyến, tại kiosk hoặc qua điện thoại. Phiếu giấy phải được ghi nhận " +
      `${quote("RETURNED")} trước khi nhập liệu.`
    );
  }
  if (edge?.via === "paper" && mode !== undefined) {
    return (
      `${head} Phiếu giấy đã thu về nên chỉ nhập theo phiếu giấy; không nhận thêm trả lời ` +
      `${SURVEY_MODE_LABELS[mode].toLowerCase()} cho phiếu này (mỗi phiếu chỉ có một câu trả lời).`
    );
  }
  if (TERMINAL_STATES.includes(from)) {
    return `${head} ${quote(from)} là trạng thái cuối cùng, phiếu không thể chuyển sang trạng thái khác.`;
  }
  const allowed = nextStates(from, mode);
  const withResponse = nextStates(from, "ONLINE").filter((s) => !allowed.includes(s));
  const list = allowed.map(quote).join(", ");
  const extra = withResponse.length > 0 ? ` (hoặc ${withResponse.map(quote).join(", ")} khi có trả lời trực tuyến)` : "";
  return `${head} Từ ${quote(from)} chỉ có thể chuyển sang: ${list}${extra}.`;
}

/** Throws FormTransitionError unless the move is allowed. */
export function assertTransition(from: FormState, to: FormState, mode?: SurveyMode): void {
  if (!canTransition(from, to, mode)) throw new FormTransitionError(from, to, mode);
}
