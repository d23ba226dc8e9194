export interface ValidationIssue {
  /** Field path as the server reports it: ["email"] or "email" / "body.email". */
  path: string | (string | number)[];
  /** English, for developers: screens word the issue from `code` and its limits instead. */
  message: string;
  /** zod's issue code: too_big, too_small, invalid_format, invalid_type, custom… */
  code?: string;
  /** What was measured: string (characters), array (items), number… */
  origin?: string;
  maximum?: number;
  minimum?: number;
  /** The expected format of an invalid_format issue: email, url, regex… */
  format?: string;
  /** A custom rule's name (code custom), e.g. same_start_end. */
  reason?: string;
}

/** Every failed request surfaces as one of these, parsed from `{"error": {"code", "message", ...}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra fields of the server's error object besides code and message (e.g. `issues`). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation issues of a `validation_failed` error; empty for any other error. */
  get issues(): ValidationIssue[] {
    const raw = this.details.issues;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (i): i is ValidationIssue =>
        isRecord(i) && typeof i.message === 'string' && (typeof i.path === 'string' || Array.isArray(i.path)),
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Worth trying again: no answer, the server failing, or a rate limit; a refusal (other 4xx) would answer the same. */
export const isRetryable = (err: unknown): boolean => !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429;

// Used when a proxy or crash returns a body without the error envelope.
function codeForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server_error' : 'http_error';
}

export function toApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const { code, message, ...details } = err;
  return new ApiError(
    status,
    typeof code === 'string' ? code : codeForStatus(status),
    typeof message === 'string' ? message : `Request failed with status ${status}`,
    details,
  );
}

/** An issue path's parts, as the server writes it either way: ["attributes", "cpf"] or "attributes.cpf". */
export const issuePathParts = (path: ValidationIssue['path']): string[] => (Array.isArray(path) ? path.map(String) : path.split('.'));

/** The last field name of an issue path: ["body", "email"] and "body.email" both give "email". */
export function issueField(issue: ValidationIssue): string {
  return issuePathParts(issue.path).filter(Boolean).at(-1) ?? '';
}

/**
 * A page's address names nothing this workspace has: deleted or another workspace's (404), or not
 * an id at all (400). Such a page says so and leads back, rather than offering a retry.
 */
export const isMissingRecord = (err: unknown): boolean => err instanceof ApiError && (err.status === 404 || err.status === 400);
