// The behaviour of one exercise on the page (<dl-exercise>): regenerate the variant for the
// student's ID, restore saved progress, check answers with the shared checker (code in the
// sandbox Worker), show feedback and the worked solution, keep the formula preview live.

import { BANK_LOADERS } from '../banks.ts';
import { checkAnswer } from '../check.ts';
import { isWidgetState, MAX_STATE_CHARS } from '../kinds/challenge.ts';
import { runInSandbox } from '../sandbox/index.ts';
import type { CheckResult, Exercise, Response, Verdict } from '../types.ts';
import { DEFAULT_STUDENT_ID, variantOf } from '../variant.ts';
import { appendInlineMarkup, katexRenderer, prerenderedTex, renderMarkup, type TexRenderer } from './markup-dom.ts';
import { announce, progressStore, PROGRESS_EVENT, showStorageProblem, STUDENT_EVENT } from './store.ts';

/** Words shown before each message, so a verdict is never told by colour alone. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  correct: 'Correct.',
  wrong: 'Not right yet.',
  invalid: 'Cannot read this answer.',
};

interface Parts {
  prompt: HTMLElement;
  form: HTMLFormElement;
  check: HTMLButtonElement;
  verdict: HTMLElement;
  attempts: HTMLElement;
  solutionButton: HTMLButtonElement;
  solution: HTMLElement;
  storage: HTMLElement | null;
  variantNote: HTMLElement | null;
  text: HTMLInputElement | HTMLTextAreaElement | null;
  options: HTMLElement | null;
  preview: HTMLElement | null;
  resetCode: HTMLButtonElement | null;
}

function part<T extends Element>(root: HTMLElement, name: string): T | null {
  return root.querySelector<T>(`[data-part="${name}"]`);
}

function findParts(root: HTMLElement): Parts {
  const required = <T extends Element>(name: string): T => {
    const el = part<T>(root, name);
    if (!el) throw new Error(`exercise markup lacks [data-part="${name}"]`);
    return el;
  };
  return {
    prompt: required('prompt'),
    form: required('form'),
    check: required('check'),
    verdict: required('verdict'),
    attempts: required('attempts'),
    solutionButton: required('solution-button'),
    solution: required('solution'),
    storage: part(root, 'storage'),
    variantNote: part(root, 'variant'),
    text: part(root, 'answer'),
    options: part(root, 'options'),
    preview: part(root, 'preview'),
    resetCode: part(root, 'reset-code'),
  };
}

/** Verdicts shown per element, so a message typeset late never overwrites a newer one. */
const shownVerdicts = new WeakMap<HTMLElement, number>();

/**
 * Shows a verdict in the contract's element: data-verdict and a label + message, as text. A
 * message with `$…$` formulas (an option's label, say) is shown as text at once, then typeset
 * when KaTeX has loaded; nothing in it is ever parsed as HTML.
 */
export function showVerdict(el: HTMLElement, verdict: Verdict | null, message: string): void {
  const token = (shownVerdicts.get(el) ?? 0) + 1;
  shownVerdicts.set(el, token);
  if (verdict === null) {
    el.removeAttribute('data-verdict');
    el.replaceChildren();
    return;
  }
  el.dataset['verdict'] = verdict;
  const label = document.createElement('strong');
  label.className = 'exercise__verdict-label';
  label.textContent = VERDICT_LABELS[verdict];
  el.replaceChildren(label, document.createTextNode(` ${message}`));
  if (!message.includes('$')) return;
  void katexRenderer()
    .then((tex) => {
      if (shownVerdicts.get(el) !== token) return;
      const text = document.createElement('span');
      appendInlineMarkup(text, message, tex);
      el.replaceChildren(label, document.createTextNode(' '), text);
    })
    .catch(() => {
      // KaTeX could not load (offline before it was cached): the message stays as plain text.
    });
}

/** State of one mounted exercise: the definition, the variant in use, the parts of the page. */
class ExerciseController {
  private variant: unknown;
  private studentId = '';
  private solutionRenderedFor = '';
  private previewTimer = 0;
  /** The saved record as last shown, to notice changes made elsewhere (an import, another tab). */
  private shownRecord = '';
  private readonly staticTex: TexRenderer;

  constructor(
    private readonly root: HTMLElement,
    private readonly ex: Exercise,
    private readonly parts: Parts,
  ) {
    this.staticTex = prerenderedTex(root);
  }

  start(): void {
    const { form, solutionButton, text, resetCode } = this.parts;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.check();
    });
    solutionButton.addEventListener('click', () => void this.toggleSolution());
    if (this.ex.kind === 'formula' && text) text.addEventListener('input', () => this.schedulePreview());
    resetCode?.addEventListener('click', () => {
      if (text && this.ex.kind === 'code') text.value = this.ex.starter;
      text?.focus();
    });
    document.addEventListener(STUDENT_EVENT, () => this.load(true));
    document.addEventListener(PROGRESS_EVENT, () => this.refresh());
    this.load(false);
    this.parts.check.disabled = false;
    this.root.dataset['ready'] = 'true';
  }

  /** (Re)builds the variant for the current student and restores their progress. */
  private load(studentChanged: boolean): void {
    const store = progressStore();
    const id = store.studentId;
    if (id === this.studentId && studentChanged) return;
    this.studentId = id;
    this.variant = variantOf(this.ex, id);
    const { parts, ex } = this;
    if (id !== DEFAULT_STUDENT_ID || studentChanged) {
      renderMarkup(parts.prompt, ex.prompt(this.variant), this.staticTex);
      if (ex.kind === 'choice') this.renderOptions();
    }
    if (parts.variantNote) {
      parts.variantNote.textContent = id === DEFAULT_STUDENT_ID ? 'Numbers for everyone (no student ID set).' : `Numbers for student ID “${id}”.`;
    }
    // On the first load, keep anything typed before the exercise started (it starts lazily).
    if (studentChanged) this.resetInputs();
    parts.solution.hidden = true;
    parts.solution.replaceChildren();
    this.solutionRenderedFor = '';
    parts.solutionButton.setAttribute('aria-expanded', 'false');
    parts.solutionButton.textContent = 'Show solution';
    this.showSaved(studentChanged || this.untouched());
    showStorageProblem(parts.storage, store);
    if (ex.kind === 'formula') this.schedulePreview();
  }

  /** Shows the saved record's verdict and attempts (and, if `fill`, its response). */
  private showSaved(fill: boolean): void {
    const rec = progressStore().get(this.ex.id);
    this.shownRecord = JSON.stringify(rec ?? null);
    if (rec && rec.attempts > 0) {
      if (fill) this.fillResponse(rec.response);
      const note = rec.solved ? `Solved in ${plural(rec.attempts, 'attempt')} (${new Date(rec.time).toLocaleDateString()}).` : 'Your last answer, saved in this browser.';
      showVerdict(this.parts.verdict, rec.verdict, note);
    } else showVerdict(this.parts.verdict, null, '');
    this.showAttempts();
  }

  /** After progress changed elsewhere (an import, another tab): show the new saved state. */
  private refresh(): void {
    if (this.parts.verdict.getAttribute('aria-busy') === 'true') return;
    if (JSON.stringify(progressStore().get(this.ex.id) ?? null) === this.shownRecord) return;
    this.showSaved(true);
  }

  private renderOptions(): void {
    const box = this.parts.options;
    if (!box || this.ex.kind !== 'choice') return;
    const type = this.ex.multiple ? 'checkbox' : 'radio';
    const name = `ex-${this.ex.id}-option`;
    const items = this.ex.options(this.variant).map((o, i) => {
      const label = document.createElement('label');
      label.className = 'exercise__option';
      const input = document.createElement('input');
      input.type = type;
      input.name = name;
      input.value = o.id;
      input.id = `${name}-${i}`;
      const text = document.createElement('span');
      renderMarkup(text, o.label, this.staticTex);
      label.append(input, ...Array.from(text.querySelector('p')?.childNodes ?? text.childNodes));
      return label;
    });
    box.replaceChildren(...items);
  }

  private resetInputs(): void {
    const { text, options } = this.parts;
    if (text) text.value = this.ex.kind === 'code' ? this.ex.starter : '';
    for (const input of options?.querySelectorAll('input') ?? []) input.checked = false;
  }

  /** Whether the inputs still hold what the page was built with (nothing typed or chosen yet). */
  private untouched(): boolean {
    const { text, options } = this.parts;
    if (text && text.value !== text.defaultValue) return false;
    return !Array.from(options?.querySelectorAll('input') ?? []).some((i) => i.checked);
  }

  private fillResponse(response: Response): void {
    const { text, options } = this.parts;
    if (typeof response === 'string' && text) text.value = response;
    if (Array.isArray(response) && options) {
      for (const input of options.querySelectorAll('input')) input.checked = response.includes(input.value);
    }
  }

  private showAttempts(): void {
    const rec = progressStore().get(this.ex.id);
    this.parts.attempts.textContent = rec && rec.attempts > 0 ? `Attempts: ${rec.attempts}` : '';
  }

  /** The response as the checker takes it; for a challenge, the widget's state right now. */
  private readResponse(): { ok: true; response: Response } | { ok: false; message: string } {
    const { text, options } = this.parts;
    switch (this.ex.kind) {
      case 'choice':
        return { ok: true, response: Array.from(options?.querySelectorAll<HTMLInputElement>('input:checked') ?? [], (i) => i.value) };
      case 'challenge': {
        const name = this.ex.widget;
        const widget = document.querySelector(`[data-widget="${CSS.escape(name)}"]`) as (Element & { getState?: () => unknown }) | null;
        if (!widget) return { ok: false, message: `This challenge needs the “${name}” widget, which is not on this page.` };
        if (typeof widget.getState !== 'function') return { ok: false, message: 'The widget is not ready yet: wait until it has loaded, then press Check.' };
        let state: unknown;
        try {
          state = JSON.parse(JSON.stringify(widget.getState()));
        } catch {
          return { ok: false, message: 'The widget’s state could not be read.' };
        }
        if (state === null) return { ok: false, message: 'The widget has not started yet: scroll to it (or press Train), then press Check.' };
        if (!isWidgetState(state) || JSON.stringify(state).length > MAX_STATE_CHARS) return { ok: false, message: 'The widget’s state could not be read.' };
        return { ok: true, response: state };
      }
      default:
        return { ok: true, response: text?.value ?? '' };
    }
  }

  private async check(): Promise<void> {
    const { check, verdict } = this.parts;
    if (check.disabled) return;
    const read = this.readResponse();
    if (!read.ok) {
      showVerdict(verdict, 'invalid', read.message);
      return;
    }
    const { response } = read;
    check.disabled = true;
    verdict.setAttribute('aria-busy', 'true');
    const label = check.textContent;
    if (this.ex.kind === 'code') check.textContent = 'Checking…';
    let result: CheckResult;
    try {
      result = await checkAnswer(this.ex, this.variant, response, { runCode: runInSandbox });
    } finally {
      check.disabled = false;
      check.textContent = label;
      verdict.removeAttribute('aria-busy');
    }
    const store = progressStore();
    this.shownRecord = JSON.stringify(store.recordCheck(this.ex.id, response, result) ?? null);
    showVerdict(verdict, result.verdict, result.message);
    this.showAttempts();
    showStorageProblem(this.parts.storage, store);
    announce(false);
  }

  private async toggleSolution(): Promise<void> {
    const { solution, solutionButton } = this.parts;
    const open = solution.hidden;
    if (open && this.solutionRenderedFor !== this.studentId) {
      solutionButton.disabled = true;
      try {
        const tex = await katexRenderer();
        renderMarkup(solution, this.ex.solution(this.variant), tex);
        this.solutionRenderedFor = this.studentId;
      } catch {
        solution.textContent = 'The solution could not be shown.';
      } finally {
        solutionButton.disabled = false;
      }
      progressStore().markSolutionSeen(this.ex.id);
      this.shownRecord = JSON.stringify(progressStore().get(this.ex.id) ?? null);
    }
    solution.hidden = !open;
    solutionButton.setAttribute('aria-expanded', String(open));
    solutionButton.textContent = open ? 'Hide solution' : 'Show solution';
  }

  private schedulePreview(): void {
    window.clearTimeout(this.previewTimer);
    this.previewTimer = window.setTimeout(() => void this.preview(), 120);
  }

  /** Typesets the formula as it is typed (mathjs → TeX → KaTeX), or says why it does not read. */
  private async preview(): Promise<void> {
    const { text, preview } = this.parts;
    if (!text || !preview || this.ex.kind !== 'formula') return;
    const input = text.value;
    if (input.trim() === '') {
      preview.replaceChildren();
      preview.dataset['state'] = 'empty';
      return;
    }
    const [{ parseFormula }, tex] = await Promise.all([import('../formula/expr.ts'), katexRenderer()]);
    if (text.value !== input) return;
    const parsed = parseFormula(input, this.ex.variables.map((v) => v.name));
    if (parsed.ok) {
      preview.replaceChildren(tex(parsed.value.tex, false));
      preview.dataset['state'] = 'ok';
    } else {
      preview.textContent = parsed.message;
      preview.dataset['state'] = 'invalid';
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Wires up one <dl-exercise> root: loads its lesson's bank and starts the controller. */
export async function mountExercise(root: HTMLElement): Promise<void> {
  const id = root.dataset['exercise'] ?? '';
  const lesson = root.dataset['lesson'] ?? '';
  const verdictEl = root.querySelector<HTMLElement>('[data-testid="verdict"]');
  try {
    const loader = BANK_LOADERS[lesson];
    if (!loader) throw new Error(`no bank for lesson "${lesson}"`);
    const bank = (await loader()).default;
    const ex = bank.exercises.find((e) => e.id === id);
    if (!ex) throw new Error(`no exercise "${id}" in the ${lesson} bank`);
    new ExerciseController(root, ex, findParts(root)).start();
  } catch (e) {
    if (verdictEl) showVerdict(verdictEl, 'invalid', `This exercise could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}
