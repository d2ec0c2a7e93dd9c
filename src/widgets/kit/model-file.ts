// Export and import of the engine's JSON model file. An imported file is checked completely on
// the page (valid JSON, a valid model, and one that fits this widget's data) before anything is
// sent to the trainer, so a bad file gives a clear message and leaves training untouched.

import { modelFromJSON, modelToJSON, type ModelJSON } from '@engine';
import type { DataView } from './state';

/** Largest model file accepted (bytes): far above any network the engine allows in a lesson. */
export const MAX_MODEL_BYTES = 5_000_000;

export type ModelCheck = { ok: true; model: ModelJSON; summary: string } | { ok: false; message: string };

/** "2 → 8 → 8 → 3" for a model file. */
export function architecture(model: ModelJSON): string {
  return [model.inputs, ...model.layers.map((l) => l.weights.length)].join(' → ');
}

/**
 * Checks a model file's text against the data a widget trains on. Messages say what is wrong in
 * words a reader can act on; the engine's own message names the bad field.
 */
export function checkModelFile(text: string, data: DataView | null): ModelCheck {
  let model: ModelJSON;
  try {
    model = modelToJSON(modelFromJSON(text));
  } catch (error) {
    return { ok: false, message: `This file is not a model this course can read: ${(error as Error).message}.` };
  }
  if (data) {
    if (model.inputs !== data.inputs) return { ok: false, message: `This model takes ${model.inputs} inputs, but this widget's data has ${data.inputs}.` };
    const task = model.loss === 'sigmoid-cross-entropy' || model.loss === 'softmax-cross-entropy' ? 'classification' : 'regression';
    if (task !== data.task) return { ok: false, message: `This model does ${task}, but this widget's data is for ${data.task}.` };
    const outputs = model.layers[model.layers.length - 1]!.weights.length;
    const classes = model.loss === 'sigmoid-cross-entropy' ? 2 : outputs;
    if (task === 'classification' && classes !== data.classes) return { ok: false, message: `This model tells ${classes} classes apart, but the data has ${data.classes}.` };
    if (task === 'regression' && outputs !== data.outputs) return { ok: false, message: `This model has ${outputs} outputs, but the data has ${data.outputs}.` };
  }
  return { ok: true, model, summary: `${architecture(model)} (${model.loss})` };
}

/** The text of a model file, pretty enough to read. */
export function modelFileText(model: ModelJSON): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

/** Offers `text` as a download called `filename` (a Blob behind a temporary link). */
export function download(doc: Document, filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
