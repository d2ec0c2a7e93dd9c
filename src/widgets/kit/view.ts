// What a view is: something that mounts into a container and turns the widget's state into
// pixels, at most as often as it asks. The kit's views (loss curves, decision regions, …) and a
// lesson's custom views (arrows, logits panels) use the same contract.

import type { Theme } from './views/chart';
import type { WidgetState } from './state';

/** What a view gets besides the state: the theme, its width, whether the widget is projected. */
export interface ViewContext {
  theme: Theme;
  /** Width of the view's container in CSS pixels. */
  width: number;
  /** True in present mode (bigger type, thicker lines). */
  present: boolean;
  /** True while any trainer is moving (views may draw less often then). */
  training: boolean;
}

/** A mounted view. `update` runs at most once per animation frame and no more often than `interval`. */
export interface ViewInstance {
  update(state: WidgetState, ctx: ViewContext): void;
  destroy?(): void;
}

/** A view in a widget's declaration. */
export interface ViewDefinition {
  /** Unique within the widget (used for layout and tests: `data-view="<id>"`). */
  id: string;
  /** Caption above the view. */
  title: string;
  /** Least time between two redraws while training, in ms (heavy views ask for more). */
  interval?: number;
  /** Span the widget's full width instead of one grid cell. */
  wide?: boolean;
  /**
   * What the view reads beyond metrics, so the widget asks the workers only for what is drawn:
   * 'grid' (predictions over the input plane or line) and 'weights' (every W and b while training).
   */
  needs?: readonly ('grid' | 'weights')[];
  /** Whether the view has anything to show for this state (e.g. decision regions only for 2-D data); hidden when false. */
  applies?(state: WidgetState): boolean;
  /** Builds the view inside `container` (a <div> inside a <figure> with the caption). */
  mount(container: HTMLElement, ctx: ViewContext): ViewInstance;
}

/** A view written as one function (state, container) → draws; for small custom panels. */
export type ViewFunction = (state: WidgetState, container: HTMLElement, ctx: ViewContext) => void;

/** Turns a drawing function into a view: `customView('arrows', 'Weight vectors', draw, { interval: 100 })`. */
export function customView(
  id: string,
  title: string,
  draw: ViewFunction,
  options: { interval?: number; wide?: boolean; needs?: readonly ('grid' | 'weights')[] } = {},
): ViewDefinition {
  return {
    id,
    title,
    ...options,
    mount(container) {
      return { update: (state, ctx) => draw(state, container, ctx) };
    },
  };
}
