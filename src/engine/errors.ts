// The engine's single error type. Bad input (a malformed model file, an impossible network, a
// wrong-shaped batch) throws an EngineError whose message names the offending field, so a
// widget or a CLI can show it as is; the engine never lets bad input turn into a silent NaN.

/** An error caused by input the engine cannot use; `message` names the field, e.g. `layers[1].weights[0][2] is not a finite number`. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}
