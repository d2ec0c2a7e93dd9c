// The dropout panel's view: the network of a frame as Plot options, dropped units hollow and
// crossed out with their connections faded, kept units filled and labelled with their scale.
import * as Plot from '@observablehq/plot';
import { okabeIto } from '../../../lib/palette';
import { edges, layout, type DropoutFrame } from './model';

export function dropoutPlotOptions(frame: DropoutFrame, width = 420): Plot.PlotOptions {
  const hidden = { ariaHidden: 'true' } as const;
  const nodes = layout().map((n) => ({ ...n, s: frame.scale[n.layer]![n.unit]! }));
  const kept = nodes.filter((n) => n.s > 0);
  const dropped = nodes.filter((n) => n.s === 0);
  const es = edges(frame);
  const color = okabeIto[0];
  return {
    width,
    height: 240,
    margin: 24,
    style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px' },
    x: { axis: null, domain: [-0.4, 3.4] },
    y: { axis: null, domain: [-1.25, 1.25] },
    marks: [
      Plot.link(es.filter((e) => !e.active), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'var(--border)', strokeDasharray: '2,3', strokeOpacity: 0.7, ...hidden }),
      Plot.link(es.filter((e) => e.active), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: color, strokeOpacity: 0.6, strokeWidth: 1.2, ...hidden }),
      Plot.dot(kept, { x: 'x', y: 'y', r: 11, fill: color, stroke: 'var(--bg)', strokeWidth: 1.5, ...hidden }),
      Plot.dot(dropped, { x: 'x', y: 'y', r: 11, fill: 'var(--bg)', stroke: 'var(--fg-soft)', strokeWidth: 1.5, ...hidden }),
      Plot.dot(dropped, { x: 'x', y: 'y', r: 6, symbol: 'times', stroke: 'var(--fg-soft)', strokeWidth: 2, ...hidden }),
      Plot.text(kept.filter((n) => n.s !== 1), { x: 'x', y: 'y', text: (n: { s: number }) => `×${Number(n.s.toFixed(2))}`, dy: -17, fill: 'var(--fg)', fontSize: 10, ...hidden }),
      Plot.text(
        [
          { x: 0, t: 'inputs' },
          { x: 1, t: 'hidden 1' },
          { x: 2, t: 'hidden 2' },
          { x: 3, t: 'output' },
        ],
        { x: 'x', y: -1.22, text: 't', fill: 'var(--fg-soft)', ...hidden },
      ),
    ],
  };
}
