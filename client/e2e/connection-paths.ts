// How connections are drawn on the canvas, read in the page: the builder's routing tests share it.
import type { Page } from 'playwright-core';

/**
 * How many of 100 points along each drawn connection fall inside a card (none should: a connection's
 * ends are its handles, outside the cards), and whether `edgeId` is drawn as React Flow's curve.
 */
export async function drawn(page: Page, edgeId: string): Promise<{ underCards: number; curve: boolean }> {
  return page.evaluate((edgeId) => {
    const cards = [...document.querySelectorAll('.react-flow__node')].map((el) => el.getBoundingClientRect());
    let underCards = 0;
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')) {
      const ctm = path.getScreenCTM()!;
      const total = path.getTotalLength();
      for (let i = 0; i <= 100; i++) {
        const p = path.getPointAtLength((total * i) / 100).matrixTransform(ctm);
        if (cards.some((c) => p.x > c.left && p.x < c.right && p.y > c.top && p.y < c.bottom)) underCards++;
      }
    }
    const d = document.querySelector(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-path`)?.getAttribute('d') ?? '';
    return { underCards, curve: d.includes('C') };
  }, edgeId);
}
