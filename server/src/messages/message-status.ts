// Where an outbound message stands, in the order it moves: a status never goes backwards.
export const STATUS_RANK: Record<string, number> = { pending: 0, sending: 1, sent: 2, delivered: 3, read: 4, failed: 5 };
