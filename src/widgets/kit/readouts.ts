// Readouts: the numbers of each trainer as text (epoch, training and validation loss, accuracy,
// and a lesson's extra numbers), each in an element with a data-testid whose text is a plain
// number. Screen readers hear a calm summary through one polite live region.

import type { ReadoutDefinition } from './define';
import { formatMetric, formatPercent } from './schedule';
import type { TrainerState, WidgetState } from './state';

interface Cell {
  value: HTMLElement;
  read: (t: TrainerState, s: WidgetState) => string;
  row: HTMLElement;
  /** Hidden while there is nothing to show (e.g. no validation set). */
  optional: boolean;
}

/** The standard readouts of one trainer. */
function standard(): { id: string; label: string; unit?: string; read: (t: TrainerState) => string; optional: boolean }[] {
  return [
    { id: 'epoch', label: 'Epoch', read: (t) => String(Math.floor(t.epoch + 1e-9)), optional: false },
    { id: 'loss', label: 'Training loss', read: (t) => formatMetric(t.loss), optional: false },
    { id: 'val-loss', label: 'Validation loss', read: (t) => formatMetric(t.valLoss), optional: true },
    { id: 'accuracy', label: 'Training accuracy', unit: '%', read: (t) => formatPercent(t.accuracy), optional: true },
    { id: 'val-accuracy', label: 'Validation accuracy', unit: '%', read: (t) => formatPercent(t.valAccuracy), optional: true },
  ];
}

/** One line for the screen reader's calm updates, e.g. "Epoch 12: training loss 0.31, accuracy 88.5 %." */
export function spokenSummary(state: WidgetState): string {
  return state.trainers
    .map((t) => {
      const parts = [`training loss ${formatMetric(t.loss) || 'not available'}`];
      if (Number.isFinite(t.valLoss)) parts.push(`validation loss ${formatMetric(t.valLoss)}`);
      if (Number.isFinite(t.accuracy)) parts.push(`accuracy ${formatPercent(t.accuracy)} %`);
      const who = state.trainers.length > 1 ? `${t.label}, ` : '';
      return `${who}epoch ${Math.floor(t.epoch + 1e-9)}: ${parts.join(', ')}.`;
    })
    .join(' ');
}

/** The readout panel for all trainers. */
export class Readouts {
  readonly root: HTMLElement;
  private readonly cells: Cell[] = [];
  private last = '';

  constructor(doc: Document, state: WidgetState, extra: readonly ReadoutDefinition[]) {
    this.root = doc.createElement('div');
    this.root.className = 'tw-readouts';
    for (const t of state.trainers) {
      const group = doc.createElement('div');
      group.className = 'tw-readouts__group';
      group.dataset['trainer'] = t.id;
      if (state.trainers.length > 1) {
        const title = doc.createElement('p');
        title.className = 'tw-readouts__title';
        title.textContent = t.label;
        group.append(title);
      }
      const dl = doc.createElement('dl');
      const add = (id: string, label: string, unit: string | undefined, read: Cell['read'], optional: boolean) => {
        const row = doc.createElement('div');
        const dt = doc.createElement('dt');
        dt.textContent = label;
        const dd = doc.createElement('dd');
        const value = doc.createElement('span');
        value.dataset['testid'] = id;
        value.className = 'tw-readouts__value';
        dd.append(value);
        if (unit) {
          const u = doc.createElement('span');
          u.className = 'tw-readouts__unit';
          u.textContent = ` ${unit}`;
          dd.append(u);
        }
        row.append(dt, dd);
        dl.append(row);
        this.cells.push({ value, read, row, optional });
        if (optional) row.hidden = true;
      };
      const id = t.id;
      const pick = (s: WidgetState) => s.trainers.find((x) => x.id === id)!;
      for (const r of standard()) add(r.id, r.label, r.unit, (_t, s) => r.read(pick(s)), r.optional);
      for (const r of extra) {
        if (r.trainers && !r.trainers.includes(id)) continue;
        add(r.id, r.label, r.unit, (_t, s) => formatMetric(r.value(pick(s), s)), true);
      }
      group.append(dl);
      this.root.append(group);
    }
  }

  /** Writes the current numbers (cheap when nothing changed). */
  update(state: WidgetState): void {
    const first = state.trainers[0];
    if (!first) return;
    const texts = this.cells.map((c) => c.read(first, state));
    const joined = texts.join('|');
    if (joined === this.last) return;
    this.last = joined;
    this.cells.forEach((c, i) => {
      const text = texts[i]!;
      if (c.value.textContent !== text) c.value.textContent = text;
      if (c.optional) c.row.hidden = text === '';
    });
  }
}
