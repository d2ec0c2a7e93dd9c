/**
 * The notebook cell's editor: CodeMirror 6 with JavaScript highlighting, loaded only when a
 * cell comes near the viewport. Ctrl/Cmd+Enter runs the cell.
 */
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { javascript } from '@codemirror/lang-javascript';

/**
 * Token colours as CSS variables (set in CodeCell.astro for the light and dark themes), each with
 * a contrast of at least 5.4:1 on the cell's background and active line; CodeMirror's default
 * style has tokens below 4.5:1. Hue is never the only cue a reader needs: the code reads the same
 * without it.
 */
const courseHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--code-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--code-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--code-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--code-function)' },
  { tag: t.invalid, color: 'var(--code-invalid)' },
]);

export interface CellEditor {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
}

export function createEditor(parent: HTMLElement, code: string, opts: { label: string; onRun: () => void; onChange: (code: string) => void }): CellEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(courseHighlight),
        // Long lines wrap rather than scroll sideways: nothing hides, at projector size either.
        EditorView.lineWrapping,
        javascript(),
        keymap.of([
          { key: 'Mod-Enter', preventDefault: true, run: () => { opts.onRun(); return true; } },
          { key: 'Shift-Enter', preventDefault: true, run: () => { opts.onRun(); return true; } },
          // Tab indents; Esc then Tab leaves the editor (CodeMirror's accessible tab handling).
          indentWithTab,
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        // tabindex makes the editable area an explicit tab stop, so assistive checks see the
        // scrolling editor as keyboard-reachable.
        EditorView.contentAttributes.of({ 'aria-label': opts.label, tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (c) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: c } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
