// The drawn cards, connections and labels of given ids. React Flow keeps each kind in one container
// under the view, so walking those few containers' children is enough; a query over the canvas
// would test every element of 300 cards (thousands) once per kind.
export interface FlowDom {
  cards: Map<string, HTMLElement>;
  /** Each connection's group (`g.react-flow__edge`), inside its own `<svg>`. */
  edges: Map<string, Element>;
  labels: Map<string, HTMLElement>;
  /** The frame drawn around a multiple selection, if shown. */
  frame: HTMLElement | null;
}

function collect<E extends Element>(children: Iterable<Element>, ids: ReadonlySet<string>, attr: string, pick: (el: Element) => Element | null = (el) => el) {
  const found = new Map<string, E>();
  for (const child of children) {
    const el = pick(child);
    const id = el?.getAttribute(attr);
    if (el && id != null && ids.has(id)) found.set(id, el as E);
  }
  return found;
}

const childWith = (parent: Element | null | undefined, className: string) => [...(parent?.children ?? [])].find((c) => c.classList.contains(className)) ?? null;

export function flowDom(root: HTMLElement, cardIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): FlowDom {
  const viewport = root.querySelector('.react-flow__viewport');
  const layer = (name: string) => childWith(viewport, name)?.children ?? [];
  return {
    cards: collect<HTMLElement>(layer('react-flow__nodes'), cardIds, 'data-id'),
    edges: collect<Element>(layer('react-flow__edges'), edgeIds, 'data-id', (svg) => svg.firstElementChild),
    labels: collect<HTMLElement>(layer('react-flow__edgelabel-renderer'), edgeIds, 'data-edge-label'),
    frame: childWith(childWith(viewport?.parentElement, 'react-flow__nodesselection'), 'react-flow__nodesselection-rect') as HTMLElement | null,
  };
}
