// Why Publish is greyed out, in words shown under the button (a tooltip alone says nothing on a
// phone or to someone who does not hover): errors first, since they block even a changed draft.
// Null while Publish can be pressed. Pure.

export type PublishReason = { key: 'builder.publish.reasonErrors'; count: number } | { key: 'builder.publish.reasonNothingNew' };

export function publishReason(errors: number, changed: boolean): PublishReason | null {
  if (errors > 0) return { key: 'builder.publish.reasonErrors', count: errors };
  if (!changed) return { key: 'builder.publish.reasonNothingNew' };
  return null;
}
