// The one macro table for every formula on the site: the lessons (via rehype-katex at build
// time), widgets that typeset a formula, and the formula-exercise preview all use it, so a
// symbol looks the same everywhere. Plain ESM so that astro.config.mjs can import it too.
/** @type {Record<string, string>} */
export const macros = {
  '\\R': '\\mathbb{R}',
  '\\E': '\\mathbb{E}',
  '\\x': '\\mathbf{x}',
  '\\y': '\\mathbf{y}',
  '\\h': '\\mathbf{h}',
  '\\z': '\\mathbf{z}',
  '\\p': '\\mathbf{p}',
  '\\w': '\\mathbf{w}',
  '\\bb': '\\mathbf{b}',
  '\\W': '\\mathbf{W}',
  '\\yt': '\\tilde{y}',
  '\\yhat': '\\hat{y}',
  '\\softmax': '\\operatorname{softmax}',
  '\\softplus': '\\operatorname{softplus}',
  '\\relu': '\\operatorname{ReLU}',
  '\\sign': '\\operatorname{sign}',
  '\\argmax': '\\operatorname*{arg\\,max}',
  '\\argmin': '\\operatorname*{arg\\,min}',
  '\\onehot': '\\operatorname{onehot}',
  '\\CE': '\\operatorname{CE}',
  '\\NLL': '\\operatorname{NLL}',
  '\\Lik': '\\mathcal{L}',
  '\\Data': '\\mathcal{D}',
  '\\Norm': '\\mathcal{N}',
  '\\T': '^{\\top}',
  '\\ind': '\\mathbb{1}',
  '\\pd': '\\frac{\\partial #1}{\\partial #2}',
};
