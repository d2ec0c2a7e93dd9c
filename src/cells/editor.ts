/**
 * The notebook cell's editor: CodeMirror 6 with JavaScript highlighting, loaded only when a
 * cell comes near the viewport. Ctrl/Cmd+Enter runs the cell.
 */
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';

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
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        javascript(),
        keymap.of([
          { key: 'Mod-Enter', preventDefault: true, run: () => { opts.onRun(); return true; } },
          { key: 'Shift-Enter', preventDefault: true, run: () => { opts.onRun(); return true; } },
          // Tab indents; Esc then Tab leaves the editor (CodeMirror's accessible tab handling).
          indentWithTab,
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
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
