/**
 * The small plot description a notebook cell may return (`return plot({...})`), checked here
 * before the page draws it with Observable Plot. Data from a cell is untrusted: only known mark
 * types and options pass, channels are field names or literal colours, sizes are capped.
 */

export const MARK_TYPES = ['line', 'dot', 'ruleX', 'ruleY', 'areaY', 'barY', 'text'] as const;
export type MarkType = (typeof MARK_TYPES)[number];

export interface PlotMark {
  type: MarkType;
  /** Rows (objects of numbers/strings), or plain numbers for ruleX/ruleY. */
  data: unknown[];
  options: Record<string, string | number>;
}

export interface PlotPlan {
  marks: PlotMark[];
  x: ScaleOptions;
  y: ScaleOptions;
  title?: string;
  /** The text alternative read to screen-reader users. */
  caption: string;
}

export interface ScaleOptions {
  label?: string;
  type?: 'linear' | 'log' | 'symlog';
  domain?: [number, number];
}

export const MAX_POINTS = 20_000;
const CHANNELS = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'z', 'stroke', 'fill', 'text'] as const;
const NUMERIC = ['r', 'strokeWidth', 'opacity', 'fillOpacity', 'strokeOpacity'] as const;
const COLOR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|currentColor|none)$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;

export class PlotSpecError extends Error {}

const fail = (msg: string): never => {
  throw new PlotSpecError(msg);
};

function scale(v: unknown, axis: string): ScaleOptions {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null) return fail(`${axis} must be an object like { label: 'x' }`);
  const o = v as Record<string, unknown>;
  const out: ScaleOptions = {};
  if (o['label'] !== undefined) out.label = String(o['label']).slice(0, 80);
  if (o['type'] !== undefined) {
    if (o['type'] !== 'linear' && o['type'] !== 'log' && o['type'] !== 'symlog') fail(`${axis}.type must be 'linear', 'log' or 'symlog'`);
    out.type = o['type'] as ScaleOptions['type'] & string;
  }
  if (o['domain'] !== undefined) {
    const d = o['domain'];
    if (!Array.isArray(d) || d.length !== 2 || !d.every((x) => typeof x === 'number' && Number.isFinite(x))) fail(`${axis}.domain must be two finite numbers`);
    out.domain = [(d as number[])[0]!, (d as number[])[1]!];
  }
  return out;
}

/** Checks a cell's plot description and returns what to draw, or throws PlotSpecError saying what is wrong. */
export function checkPlotSpec(spec: unknown): PlotPlan {
  if (typeof spec !== 'object' || spec === null) fail('plot() needs an object: plot({ marks: [...] })');
  const s = spec as Record<string, unknown>;
  const marksIn = s['marks'];
  if (!Array.isArray(marksIn) || marksIn.length === 0) fail('plot() needs marks: a non-empty array like [{ type: "line", data, x: "x", y: "y" }]');
  if ((marksIn as unknown[]).length > 12) fail('at most 12 marks in one plot');
  let points = 0;
  const marks = (marksIn as unknown[]).map((m, i): PlotMark => {
    if (typeof m !== 'object' || m === null) return fail(`marks[${i}] must be an object`);
    const o = m as Record<string, unknown>;
    const type = o['type'];
    if (!MARK_TYPES.includes(type as MarkType)) fail(`marks[${i}].type must be one of ${MARK_TYPES.join(', ')}`);
    const raw = o['data'] ?? o['values'];
    if (!Array.isArray(raw)) fail(`marks[${i}] needs data: an array`);
    const data = raw as unknown[];
    points += data.length;
    if (points > MAX_POINTS) fail(`too many points to draw (more than ${MAX_POINTS})`);
    for (const row of data) {
      const ok = typeof row === 'number' || (typeof row === 'object' && row !== null && !Array.isArray(row) &&
        Object.values(row).every((v) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null));
      if (!ok) fail(`marks[${i}].data must hold numbers or flat objects of numbers and strings`);
    }
    const options: Record<string, string | number> = {};
    for (const key of CHANNELS) {
      const v = o[key];
      if (v === undefined) continue;
      if (typeof v !== 'string') fail(`marks[${i}].${key} must be a field name (a string)`);
      const str = v as string;
      if ((key === 'stroke' || key === 'fill') && COLOR.test(str)) options[key] = str;
      else if (FIELD.test(str)) options[key] = str;
      else fail(`marks[${i}].${key} "${str.slice(0, 30)}" is neither a field name nor a #rrggbb colour`);
    }
    for (const key of NUMERIC) {
      const v = o[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 50) fail(`marks[${i}].${key} must be a number from 0 to 50`);
      options[key] = v as number;
    }
    return { type: type as MarkType, data, options };
  });
  const title = s['title'] === undefined ? undefined : String(s['title']).slice(0, 120);
  const caption = String(s['caption'] ?? title ?? `A chart with ${marks.map((m) => m.type).join(', ')} marks`).slice(0, 300);
  const plan: PlotPlan = { marks, x: scale(s['x'], 'x'), y: scale(s['y'], 'y'), caption };
  if (title !== undefined) plan.title = title;
  return plan;
}
