// Each fate's shape, so that a dot says what became of its message without its colour: tracked green and lost red
// are the same grey to a protanope or deuteranope (the accessibility review measured 1.11:1). The moving, tracked and
// queued dots are circles (queued has its ring); lost or untracked is a cross, duplicate prevented a square, tossed a
// diamond. Paths centred on 0,0, drawn by the player (the dots) and the page (the legend, the latest-messages icons).

export type FateClass = 'm-moving' | 'm-tracked' | 'm-tossed' | 'm-dup' | 'm-retry' | 'm-lost';

const round = (v: number): number => Math.round(v * 100) / 100;

function circle(r: number): string {
  return `M${-r} 0a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
}

function square(r: number): string {
  const s = round(r * 0.85);
  return `M${-s} ${-s}H${s}V${s}H${-s}Z`;
}

function diamond(r: number): string {
  const a = round(r * 1.2);
  return `M0 ${-a}L${a} 0L0 ${a}L${-a} 0Z`;
}

/** An X: a plus sign of arms `r * 1.25` long and `r * 0.8` wide, turned by 45 degrees. */
function cross(r: number): string {
  const a = r * 1.25, w = r * 0.4;
  const plus: Array<[number, number]> = [[-w, -a], [w, -a], [w, -w], [a, -w], [a, w], [w, w], [w, a], [-w, a], [-w, w], [-a, w], [-a, -w], [-w, -w]];
  const turned = plus.map(([x, y]) => `${round((x - y) / Math.SQRT2)} ${round((x + y) / Math.SQRT2)}`);
  return `M${turned.join('L')}Z`;
}

const SHAPE_OF: Readonly<Record<FateClass, (r: number) => string>> = {
  'm-moving': circle,
  'm-tracked': circle,
  'm-retry': circle,
  'm-tossed': diamond,
  'm-dup': square,
  'm-lost': cross,
};

/** Each fate class's path at radius r. */
export function dotShapes(r: number): Readonly<Record<FateClass, string>> {
  return Object.fromEntries(Object.entries(SHAPE_OF).map(([cls, shape]) => [cls, shape(r)])) as Record<FateClass, string>;
}
