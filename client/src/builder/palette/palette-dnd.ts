/** dataTransfer type carrying the node type dragged from the palette onto the canvas. */
export const PALETTE_MIME = 'application/x-zyntra-node-type';
