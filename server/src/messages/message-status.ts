// Where an outbound message stands, in the order it moves: a status never goes backwards
// (`played`: a voice message we sent was first played, after being read).
export const STATUS_RANK: Record<string, number> = { pending: 0, sending: 1, sent: 2, delivered: 3, read: 4, played: 5, failed: 6 };
