// The Montúfar table: the reader picks h, d and k, and the one-layer sum Σ C(h, i) is rebuilt term
// by term, next to h^d and the k-layer lower bound. DOM wiring only; montufar.ts computes.

import { formatBig, MONTUFAR_LIMITS, montufarTable } from './montufar';

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`Montúfar table: missing ${selector}`);
  return el;
}

/** Wires the table inside `host` (the shell's markup); returns a cleanup function. */
export function mountMontufarTable(host: HTMLElement): () => void {
  const inputs = {
    h: required<HTMLInputElement>(host, 'input[data-role="h"]'),
    d: required<HTMLInputElement>(host, 'input[data-role="d"]'),
    k: required<HTMLInputElement>(host, 'input[data-role="k"]'),
  };
  const message = required<HTMLElement>(host, '[data-role="message"]');
  const body = required<HTMLTableSectionElement>(host, '[data-role="rows"] tbody');
  const caption = required<HTMLElement>(host, '[data-role="rows"] caption');
  const summary = required<HTMLElement>(host, '[data-role="summary"]');
  for (const [name, input] of Object.entries(inputs)) {
    const lim = MONTUFAR_LIMITS[name as keyof typeof MONTUFAR_LIMITS];
    input.min = String(lim.min);
    input.max = String(lim.max);
  }

  function line(label: string, value: string, note = ''): HTMLLIElement {
    const li = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = value;
    li.append(`${label} `, strong, note);
    return li;
  }

  function render() {
    const result = montufarTable(Number(inputs.h.value), Number(inputs.d.value), Number(inputs.k.value));
    if (!result.ok) {
      message.textContent = result.message;
      message.hidden = false;
      host.dataset['state'] = 'invalid';
      return;
    }
    message.hidden = true;
    message.textContent = '';
    host.dataset['state'] = 'ok';
    const t = result.table;
    caption.textContent = `Σ C(h, i) for h = ${t.h} units on d = ${t.d} inputs, term by term`;
    body.replaceChildren(
      ...t.rows.map((r) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = String(r.i);
        const c = document.createElement('td');
        c.textContent = formatBig(r.binomial);
        const p = document.createElement('td');
        p.textContent = formatBig(r.partial);
        tr.append(th, c, p);
        return tr;
      }),
    );
    const holds = t.decksBoundHolds;
    const items = [
      line('One layer of h units makes at most', formatBig(t.oneLayer), ' linear regions.'),
      line(
        'The decks compare it with h^d =',
        formatBig(t.hPowD),
        holds
          ? ': here Σ C(h, i) ≤ h^d holds.'
          : `: here Σ C(h, i) > h^d, so "≤ h^d" is false (it needs h ≥ 2 and d ≥ 2).`,
      ),
    ];
    if (t.deep === null) {
      items.push(line('Deep bound:', 'not defined', ` (Montúfar's construction needs h ≥ d; here h = ${t.h} < d = ${t.d}).`));
    } else {
      items.push(
        line(`${t.k} layer${t.k === 1 ? '' : 's'} of h units can reach at least`, formatBig(t.deep), ` regions (⌊h/d⌋^((k−1)d) · Σ C(h, i)).`),
        line(`One layer with the same ${t.k * t.h} units makes at most`, formatBig(t.sameUnitsOneLayer), ' regions.'),
      );
    }
    summary.replaceChildren(...items);
  }

  const onInput = () => render();
  for (const input of Object.values(inputs)) input.addEventListener('input', onInput);
  required<HTMLElement>(host, '[data-live]').hidden = false;
  host.querySelector('[data-fallback]')?.setAttribute('hidden', '');
  render();
  host.dataset['ready'] = 'true';
  return () => {
    for (const input of Object.values(inputs)) input.removeEventListener('input', onInput);
  };
}
