// Refuses a flow document over the limits before anything stores, validates or walks it. The
// limits are flows-schema's FLOW_LIMITS. A document sent in a request and over the byte cap is
// payload_too_large (413); any document over the node or edge cap, sent or already stored (a
// draft saved before the limits existed), is flow_too_large (422) with the problem the editor shows.
import {
  FLOW_LIMITS,
  flowSizeProblems,
  isLimitProblem,
  validateFlow,
  type Problem,
} from '@zyntra/flows-schema';
import { AppError } from '../http/app-error';

const MIB = 1024 * 1024;

function refuse(problems: Problem[]): void {
  if (problems.length === 0) return;
  const message = problems.map((problem) => problem.message.en).join(' ');
  throw new AppError('flow_too_large', message, { problems });
}

/** For a stored document: node and edge counts only, constant time. */
export function assertFlowWithinLimits(document: unknown): void {
  refuse(flowSizeProblems(document));
}

/**
 * Before an unfinished draft runs (the builder's test chat): the engine would compile every
 * regex it meets, so a draft over the regex or data limit does not run either. Validation is
 * bounded, and lists limit problems before any other.
 */
export function assertDraftRunnable(document: unknown): void {
  refuse(validateFlow(document).filter(isLimitProblem));
}

/** For a document a request sends: its size as UTF-8 JSON, then the counts. */
export function assertIncomingFlowFits(document: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(document) ?? '', 'utf8');
  const maxBytes = FLOW_LIMITS.maxDocumentBytes;
  if (bytes > maxBytes) {
    const size = `${(bytes / MIB).toFixed(1)} MiB`;
    throw new AppError(
      'payload_too_large',
      `The flow document is ${size}; the limit is ${maxBytes / MIB} MiB`,
      {
        bytes,
        maxBytes,
      },
    );
  }
  assertFlowWithinLimits(document);
}
