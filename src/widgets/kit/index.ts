// The widget kit's public API for lessons: declare a widget (settings, trainers, views, extra
// readouts) in a `*.widget.ts` file and render it with components/widgets/TrainingWidget.astro.
// See README.md for a worked example.

export { defineWidget, DEFAULT_SPEEDS, type ReadoutDefinition, type SpeedChoice, type TrainerDefinition, type WidgetDefinition } from './define';
export * as params from './params';
export type { ParamSpec, ParamValue, ParamValues, ParamEffect } from './params';
export { standardConfig, num, str, bool, widths, hiddenOf, configChange, type StandardConfig } from './config';
export { customView, type ViewContext, type ViewDefinition, type ViewFunction, type ViewInstance } from './view';
export type { WidgetState, TrainerState, PublicState, DataView, GridView, LayerView, History, PointSet } from './state';
export type { WidgetChange } from './controller';
export type { TrainingWidgetElement } from './element';
export { renderChart, renderLegend, quiet, short, type Theme, type LegendItem } from './views/chart';
import { lossCurves } from './views/loss-curves';
import { decisionRegions } from './views/decision-regions';
import { fittedCurve } from './views/fitted-curve';
import { networkDiagram } from './views/network-diagram';
import { weightHistogram } from './views/weight-histogram';

/** The kit's views: `views.lossCurves({ log: true })`, `views.decisionRegions()`, … */
export const views = { lossCurves, decisionRegions, fittedCurve, networkDiagram, weightHistogram };
