/**
 * Expected errors: shown to the person as they are (Vietnamese, saying what to do).
 * Anything else is unexpected: logged, and replaced by a generic message.
 */
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "NOT_FOUND" | "CONFLICT" | "ERROR";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalid = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError("INVALID", message, fieldErrors);
export const notFound = (message: string) => new AppError("NOT_FOUND", message);
export const conflict = (message: string, details?: unknown) => new AppError("CONFLICT", message, undefined, details);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
