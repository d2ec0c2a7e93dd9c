/**
 * <code-cell>: an editable, runnable piece of JavaScript in a lesson. The author's code is
 * rendered on the server; near the viewport the editor (CodeMirror) loads; Run sends the code
 * to the same sandbox as code exercises (a Worker without DOM, network or storage, stopped
 * after a time limit) with the engine's public API as `engine`. Edits survive reloads.
 */
import { runInSandbox, type SandboxResult } from '../exercises/sandbox/index.ts';
import { formatInline, formatValue, type OutputBlock } from './format';
import { assembleCell, type FindReturns } from './scope';
import type { CellEditor } from './editor';

const STORE_PREFIX = 'dl-cell:v1:';

interface CellState {
  original: string;
  editor: CellEditor | undefined;
  controller: AbortController | undefined;
  /** This cell's place in its scope's run order (0: not run yet). */
  runNumber: number;
  /** The code as last run, for cells that share its scope. */
  lastRun: string | undefined;
  findReturns: FindReturns | undefined;
}

function storageKey(el: HTMLElement): string {
  return `${STORE_PREFIX}${location.pathname}:${el.dataset['cell'] ?? ''}`;
}

function readStored(key: string): string | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === 'object' && parsed !== null && (parsed as { v?: unknown }).v === 1 && typeof (parsed as { code?: unknown }).code === 'string') {
      return (parsed as { code: string }).code;
    }
    return undefined; // foreign or corrupted: ignored, the author's code is shown
  } catch {
    return undefined;
  }
}

class CodeCell extends HTMLElement {
  private state: CellState = { original: '', editor: undefined, controller: undefined, runNumber: 0, lastRun: undefined, findReturns: undefined };
  private observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    const source = this.querySelector<HTMLElement>('[data-cell-source]');
    this.state.original = source?.textContent ?? '';
    const stored = readStored(storageKey(this));
    if (stored !== undefined && stored !== this.state.original) {
      if (source) source.textContent = stored;
      this.note('Your edited version (Reset restores the original).');
    }
    this.button('run').addEventListener('click', () => void this.run());
    this.button('reset').addEventListener('click', () => this.reset());
    this.button('stop').addEventListener('click', () => this.state.controller?.abort());
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.observer?.disconnect();
        void this.loadEditor();
      }
    }, { rootMargin: '300px' });
    this.observer.observe(this);
    this.dataset['ready'] = 'true';
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.state.controller?.abort();
    this.state.editor?.destroy();
  }

  private button(name: string): HTMLButtonElement {
    const b = this.querySelector<HTMLButtonElement>(`[data-cell-action="${name}"]`);
    if (!b) throw new Error(`code cell: no ${name} button`);
    return b;
  }

  private get output(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-testid="cell-output"]')!;
  }

  private note(text: string): void {
    const n = this.querySelector<HTMLElement>('[data-cell-note]');
    if (n) n.textContent = text;
  }

  private code(): string {
    return this.state.editor?.getCode() ?? this.querySelector('[data-cell-source]')?.textContent ?? '';
  }

  private async loadEditor(): Promise<void> {
    const [{ createEditor }, { findTopLevelReturns }] = await Promise.all([import('./editor'), import('./returns')]);
    this.state.findReturns = findTopLevelReturns;
    const host = this.querySelector<HTMLElement>('[data-cell-editor]');
    const source = this.querySelector<HTMLElement>('[data-cell-source]');
    if (!host || !source) return;
    const key = storageKey(this);
    this.state.editor = createEditor(host, source.textContent ?? '', {
      label: `Code of the cell "${this.dataset['title'] ?? this.dataset['cell'] ?? ''}" (Ctrl+Enter runs it)`,
      onRun: () => void this.run(),
      onChange: (code) => {
        try {
          if (code === this.state.original) localStorage.removeItem(key);
          else localStorage.setItem(key, JSON.stringify({ v: 1, code }));
          this.note(code === this.state.original ? '' : 'Edited: kept in this browser (Reset restores the original).');
        } catch {
          this.note('Your edits cannot be saved in this browser (storage is full or blocked); they last until you leave the page.');
        }
      },
    });
    source.hidden = true;
    this.dataset['editor'] = 'ready';
  }

  private reset(): void {
    try {
      localStorage.removeItem(storageKey(this));
    } catch {
      /* nothing stored */
    }
    if (this.state.editor) this.state.editor.setCode(this.state.original);
    const source = this.querySelector<HTMLElement>('[data-cell-source]');
    if (source) source.textContent = this.state.original;
    this.note('');
  }

  /** Cells sharing this cell's scope, run before it, in run order. */
  private earlier(): string[] {
    const scope = this.dataset['scope'];
    if (!scope) return [];
    return [...document.querySelectorAll<CodeCell>('code-cell')]
      .filter((c) => c !== this && c.dataset['scope'] === scope && c.state.runNumber > 0 && c.state.lastRun !== undefined)
      .sort((a, b) => a.state.runNumber - b.state.runNumber)
      .map((c) => c.state.lastRun!);
  }

  private nextRunNumber(): number {
    const scope = this.dataset['scope'];
    const peers = scope ? [...document.querySelectorAll<CodeCell>('code-cell')].filter((c) => c.dataset['scope'] === scope) : [this as CodeCell];
    return Math.max(0, ...peers.map((c) => c.state.runNumber)) + 1;
  }

  async run(): Promise<SandboxResult | undefined> {
    if (this.state.controller) return undefined;
    if (!this.state.findReturns && this.dataset['scope']) {
      this.state.findReturns = (await import('./returns')).findTopLevelReturns;
    }
    const code = this.code();
    const { code: assembled, offset } = assembleCell(code, this.earlier(), this.state.findReturns ?? (() => []));
    const controller = new AbortController();
    this.state.controller = controller;
    const out = this.output;
    out.dataset['status'] = 'running';
    out.setAttribute('aria-busy', 'true');
    out.replaceChildren(this.line('Running…', 'info'));
    this.button('run').disabled = true;
    this.button('stop').hidden = false;
    const timeoutMs = Number(this.dataset['timeout']) || 8000;
    const result = await runInSandbox(assembled, { engine: true, timeoutMs, signal: controller.signal });
    this.state.controller = undefined;
    this.button('run').disabled = false;
    this.button('stop').hidden = true;
    out.removeAttribute('aria-busy');
    const blocks: OutputBlock[] = result.logs.map((l) => ({ kind: 'text', text: l.text, level: l.level }));
    if (result.status === 'ok') {
      blocks.push(...formatValue(result.value));
      this.state.runNumber = this.nextRunNumber();
      this.state.lastRun = code;
      const order = this.querySelector<HTMLElement>('[data-run-order]');
      if (order) order.textContent = this.dataset['scope'] ? `(run ${this.state.runNumber} on this page)` : '';
    } else {
      const line = result.error.line !== undefined ? result.error.line - offset : undefined;
      const where = line !== undefined && line >= 1 ? `Line ${line}: ` : line !== undefined ? 'In a cell run before this one: ' : '';
      blocks.push({ kind: 'error', text: `${where}${result.error.name}: ${result.error.message}`, ...(line !== undefined && line >= 1 ? { line } : {}) });
    }
    await this.render(blocks);
    out.dataset['status'] = result.status === 'ok' ? 'ok' : 'error';
    this.dispatchEvent(new CustomEvent('cellrun', { bubbles: true, detail: { status: out.dataset['status'] } }));
    return result;
  }

  private line(text: string, level: string): HTMLElement {
    const p = document.createElement('pre');
    p.className = `cell__line cell__line--${level}`;
    p.textContent = text;
    return p;
  }

  private async render(blocks: OutputBlock[]): Promise<void> {
    const out = this.output;
    const nodes: Node[] = [];
    for (const b of blocks) {
      if (b.kind === 'text') nodes.push(this.line(b.text, b.level ?? 'log'));
      else if (b.kind === 'error') nodes.push(this.line(b.text, 'error'));
      else if (b.kind === 'table') nodes.push(this.table(b.rows, b.header));
      else nodes.push(await this.plot(b.spec));
    }
    if (nodes.length === 0) nodes.push(this.line('(no output: return a value or call console.log)', 'info'));
    out.replaceChildren(...nodes);
  }

  private table(rows: string[][], header?: string[]): HTMLElement {
    const t = document.createElement('table');
    t.className = 'cell__table';
    if (header) {
      const tr = t.createTHead().insertRow();
      for (const h of header) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = h;
        tr.append(th);
      }
    }
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      for (const c of r) tr.insertCell().textContent = c;
    }
    return t;
  }

  private async plot(spec: unknown): Promise<Node> {
    const [{ checkPlotSpec, PlotSpecError }, Plot] = await Promise.all([import('./plot-spec'), import('@observablehq/plot')]);
    try {
      const plan = checkPlotSpec(spec);
      const marks = plan.marks.map((m) => {
        const options = { ...m.options, ariaHidden: 'true' } as Record<string, unknown>;
        switch (m.type) {
          case 'line': return Plot.line(m.data, { strokeWidth: 2, ...options });
          case 'dot': return Plot.dot(m.data, options);
          case 'ruleX': return Plot.ruleX(m.data, options);
          case 'ruleY': return Plot.ruleY(m.data, options);
          case 'areaY': return Plot.areaY(m.data, { fillOpacity: 0.3, ...options });
          case 'barY': return Plot.barY(m.data, options);
          case 'text': return Plot.text(m.data, options);
        }
      });
      const width = Math.max(280, Math.min(720, this.output.clientWidth || 640));
      const figure = Plot.plot({
        width,
        height: Math.round(width * 0.55),
        marks,
        x: { ...plan.x, ...(plan.x.type ? {} : {}) },
        y: { grid: true, ...plan.y },
        style: { background: 'transparent', color: 'currentColor' },
        ...(plan.title ? { title: plan.title } : {}),
      } as Parameters<typeof Plot.plot>[0]);
      const svg = figure.tagName.toLowerCase() === 'svg' ? figure : figure.querySelector('svg');
      svg?.setAttribute('role', 'img');
      svg?.setAttribute('aria-label', plan.caption);
      return figure;
    } catch (e) {
      return this.line(e instanceof PlotSpecError ? `plot(): ${e.message}` : `The plot could not be drawn: ${formatInline(String(e))}`, 'error');
    }
  }
}

if (!customElements.get('code-cell')) customElements.define('code-cell', CodeCell);
