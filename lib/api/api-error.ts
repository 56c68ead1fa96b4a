import { ZodError } from "zod";
import { TemplateProblemsError } from "../channels/vet-templates";
import { AppError, type ErrorCode, logUnexpected } from "../errors";
import { joinSentences } from "../format/join-sentences";

export type FieldProblem = { path: string; message: string };

/** A validation failure the API can pin on named request fields (beyond what its zod schemas catch). */
export class FieldsError extends AppError {
  constructor(readonly fields: FieldProblem[]) {
    super("validation_failed", describeFields(fields));
  }
}

export function fieldsError(path: string, message: string): FieldsError {
  return new FieldsError([{ path, message }]);
}

function describeFields(fields: FieldProblem[]): string {
  const problems = fields.map((field) => (field.path ? `${field.path}: ${field.message}` : field.message));
  return `Invalid request. ${joinSentences(problems)}`;
}

export type ApiErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldProblem[] } };

export function apiErrorResponse(
  code: ErrorCode,
  message: string,
  options: { status?: number; fields?: FieldProblem[]; headers?: Record<string, string> } = {},
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  return Response.json(body, {
    status: options.status ?? new AppError(code, message).status,
    headers: options.headers,
  });
}

/**
 * The one mapping from thrown values to API answers: AppError keeps its code and status, zod and template
 * problems become 422 naming each field, anything else is a logged 500 that reveals nothing.
 */
export function toApiErrorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  if (error instanceof FieldsError) {
    return apiErrorResponse("validation_failed", error.message, { fields: error.fields, headers });
  }
  if (error instanceof TemplateProblemsError) {
    const fields = error.problems.map((problem) => ({
      path: `template.${problem.part}`,
      message: [problem.line && `line ${problem.line}`, problem.column && `column ${problem.column}`, problem.message]
        .filter(Boolean)
        .join(", "),
    }));
    return apiErrorResponse("validation_failed", describeFields(fields), { fields, headers });
  }
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return apiErrorResponse("validation_failed", describeFields(fields), { fields, headers });
  }
  if (error instanceof AppError) return apiErrorResponse(error.code, error.message, { headers });
  logUnexpected("API request failed", error);
  return apiErrorResponse("internal_error", "Something went wrong on our side. Please try again.", { headers });
}
