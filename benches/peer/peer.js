// The peer page's own script: the six seed regions' economics, three Chart.js charts and a table, redrawn on every input.
'use strict';

// The bench's fixture: the six seed regions as src/model/regions.csv has them (uptime as a
// fraction; price and levy in USD/kWh, cap in MW, opex in USD per MW-month). Seasonal downtime,
// tax, build-out and moving costs are left out, and Texas's hourly ERCOT profile is flattened to
// its mean price: the peer is the simplified flat-price model.
const REGIONS = [
  { id: 'kazakhstan', name: 'Kazakhstan', color: '#0072B2', price: 0.04, cap: 100, uptime: 0.85, opex: 4000, levy: 0.0039 },
  { id: 'texas', name: 'Texas (ERCOT)', color: '#D55E00', price: 0.045, cap: 500, uptime: 0.99, opex: 6000, levy: 0 },
  { id: 'wyoming', name: 'Wyoming', color: '#009E73', price: 0.075, cap: 200, uptime: 0.97, opex: 6000, levy: 0 },
  { id: 'new-york', name: 'New York', color: '#CC79A7', price: 0.04, cap: 100, uptime: 0.95, opex: 6500, levy: 0 },
  { id: 'georgia', name: 'Georgia (US)', color: '#E69F00', price: 0.0688, cap: 300, uptime: 0.97, opex: 6000, levy: 0 },
  { id: 'siberia', name: 'Siberia (Russia)', color: '#56B4E9', price: 0.035, cap: 300, uptime: 0.95, opex: 4000, levy: 0 },
];

// The fleet-wide inputs; hashprice, efficiency and fleet are read back from their sliders.
const globals = { hashprice: 39.83, efficiency: 21.5, pue: 1.1, poolFee: 0.02, fleetMw: 300 };

const KWH_PER_MW_DAY = 24000;
const DAYS_PER_MONTH = 365.25 / 12;
// The profit curve's x axis: 31 hashprices from 0 to 150, so each line costs as much as a curve would.
const CURVE_HASHPRICES = Array.from({ length: 31 }, (_, i) => i * 5);

// The economics, written once: every figure on the page comes from these three functions.
function phPerMw(g) {
  // W per MW over (J/TH × PUE) is TH/s; a thousandth of it is PH/s.
  return 1e6 / (g.efficiency * g.pue) / 1e3;
}

function marginPerMwDay(g, r, hashprice) {
  const revenue = hashprice * phPerMw(g) * (1 - g.poolFee);
  // Machines are switched off in hours whose revenue is below power and levy; opex is paid anyway.
  return r.uptime * Math.max(revenue - KWH_PER_MW_DAY * (r.price + r.levy), 0) - r.opex / DAYS_PER_MONTH;
}

function breakEvenHashprice(g, r) {
  // Without power there is no hashprice at which the site pays for itself.
  if (r.uptime <= 0) return null;
  const opexDay = r.opex / DAYS_PER_MONTH;
  return (KWH_PER_MW_DAY * (r.price + r.levy) + opexDay / r.uptime) / (phPerMw(g) * (1 - g.poolFee));
}

// Every figure for the current inputs: margins, break-evens and the fleet filled by margin.
function compute(g) {
  const rows = REGIONS.map((r) => ({
    region: r,
    margin: marginPerMwDay(g, r, g.hashprice),
    breakEven: breakEvenHashprice(g, r),
    mw: 0,
    profit: 0,
  }));
  let left = g.fleetMw;
  for (const row of [...rows].sort((a, b) => b.margin - a.margin)) {
    if (row.margin <= 0 || left <= 0) break;
    row.mw = Math.min(row.region.cap, left);
    row.profit = row.mw * row.margin;
    left -= row.mw;
  }
  return rows;
}

// The formats toLocaleString('en-US', …) gives, built once: toLocaleString with options builds a
// new Intl.NumberFormat on every call, about 1.6 ms of each event for the page's 30 numbers.
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fmt = (n, format) => (n === null ? '—' : format.format(n));

// Writes a node's text only when it changed, so an unchanged cell costs no DOM mutation.
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// The region controls and table rows, built from REGIONS so the fixture lives in one place.
function buildRegionControls() {
  const box = document.getElementById('region-controls');
  for (const r of REGIONS) {
    const set = document.createElement('fieldset');
    set.innerHTML =
      `<legend><span class="swatch" style="background:${r.color}"></span>${r.name}</legend>` +
      `<label for="price-${r.id}">Power price <output id="price-${r.id}-value"></output></label>` +
      `<input type="range" id="price-${r.id}" min="0" max="0.2" step="0.001" value="${r.price}">` +
      `<label for="cap-${r.id}">Capacity cap <output id="cap-${r.id}-value"></output></label>` +
      `<input type="range" id="cap-${r.id}" min="0" max="2000" step="1" value="${r.cap}">` +
      `<p class="fixed">Uptime ${fmt(r.uptime * 100, whole)} %, opex $${fmt(r.opex, whole)}/MW-month, ` +
      `levy $${r.levy}/kWh</p>`;
    box.appendChild(set);
  }
  const body = document.querySelector('#results tbody');
  const cells = {};
  for (const r of REGIONS) {
    const tr = document.createElement('tr');
    tr.dataset.region = r.id;
    tr.innerHTML =
      `<th scope="row"><span class="swatch" style="background:${r.color}"></span>${r.name}</th>` +
      '<td data-col="margin"></td><td data-col="break-even"></td><td data-col="mw"></td><td data-col="profit"></td>';
    body.appendChild(tr);
    const [margin, breakEven, mw, profit] = tr.querySelectorAll('td');
    cells[r.id] = { margin, breakEven, mw, profit };
  }
  return cells;
}

const cells = buildRegionControls();
const totalCells = {
  mw: document.querySelector('#results tfoot td[data-col="mw"]'),
  profit: document.querySelector('#results tfoot td[data-col="profit"]'),
};
const outputs = {
  hashprice: document.getElementById('hashprice-value'),
  efficiency: document.getElementById('efficiency-value'),
  'fleet-mw': document.getElementById('fleet-mw-value'),
};
for (const r of REGIONS) {
  outputs[`price-${r.id}`] = document.getElementById(`price-${r.id}-value`);
  outputs[`cap-${r.id}`] = document.getElementById(`cap-${r.id}-value`);
}

// The sliders' values are the page's state: read them once at start.
globals.hashprice = document.getElementById('hashprice').valueAsNumber;
globals.efficiency = document.getElementById('efficiency').valueAsNumber;
globals.fleetMw = document.getElementById('fleet-mw').valueAsNumber;

// Chart.js options shared by the three charts: responsive, no animation, as the bench compares.
const base = { responsive: true, maintainAspectRatio: false, animation: false };
const names = REGIONS.map((r) => r.name);
const colors = REGIONS.map((r) => r.color);

const profitChart = new Chart(document.getElementById('chart-profit-vs-hashprice'), {
  type: 'line',
  data: {
    datasets: [
      ...REGIONS.map((r) => ({
        label: r.name,
        borderColor: r.color,
        backgroundColor: r.color,
        pointRadius: 0,
        borderWidth: 2,
        data: CURVE_HASHPRICES.map((x) => ({ x, y: 0 })),
      })),
      // The current hashprice as a vertical line: two points at the same x spanning the curves.
      { label: 'Current hashprice', borderColor: '#222', borderDash: [4, 4], borderWidth: 1, pointRadius: 0, data: [{ x: 0, y: 0 }, { x: 0, y: 0 }] },
    ],
  },
  options: {
    ...base,
    scales: {
      x: { type: 'linear', min: 0, max: 150, title: { display: true, text: 'Hashprice (USD/PH/day)' } },
      y: { title: { display: true, text: 'Margin (USD/MW-day)' } },
    },
  },
});

const breakEvenChart = new Chart(document.getElementById('chart-break-even'), {
  type: 'bar',
  data: { labels: names, datasets: [{ label: 'Break-even hashprice (USD/PH/day)', backgroundColor: colors, data: REGIONS.map(() => 0) }] },
  options: { ...base, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, title: { display: true, text: 'USD/PH/day' } } } },
});

const profitByRegionChart = new Chart(document.getElementById('chart-profit-by-region'), {
  type: 'bar',
  data: { labels: names, datasets: [{ label: 'Profit (USD/day)', backgroundColor: colors, data: REGIONS.map(() => 0) }] },
  options: { ...base, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, title: { display: true, text: 'USD/day' } } } },
});

// Recomputes everything and writes it into the charts, the table and the slider labels.
function render() {
  const g = globals;
  const rows = compute(g);

  let lo = 0;
  let hi = 0;
  REGIONS.forEach((r, i) => {
    for (const p of profitChart.data.datasets[i].data) {
      p.y = marginPerMwDay(g, r, p.x);
      if (p.y < lo) lo = p.y;
      if (p.y > hi) hi = p.y;
    }
  });
  const line = profitChart.data.datasets[REGIONS.length].data;
  line[0].x = line[1].x = g.hashprice;
  line[0].y = lo;
  line[1].y = hi;
  breakEvenChart.data.datasets[0].data = rows.map((row) => row.breakEven);
  profitByRegionChart.data.datasets[0].data = rows.map((row) => row.profit);
  profitChart.update('none');
  breakEvenChart.update('none');
  profitByRegionChart.update('none');

  let totalMw = 0;
  let totalProfit = 0;
  for (const row of rows) {
    const c = cells[row.region.id];
    setText(c.margin, fmt(row.margin, whole));
    setText(c.breakEven, fmt(row.breakEven, cents));
    setText(c.mw, fmt(row.mw, whole));
    setText(c.profit, fmt(row.profit, whole));
    totalMw += row.mw;
    totalProfit += row.profit;
  }
  setText(totalCells.mw, fmt(totalMw, whole));
  setText(totalCells.profit, fmt(totalProfit, whole));

  setText(outputs.hashprice, `${fmt(g.hashprice, cents)} USD/PH/day`);
  setText(outputs.efficiency, `${fmt(g.efficiency, oneDecimal)} J/TH`);
  setText(outputs['fleet-mw'], `${fmt(g.fleetMw, whole)} MW`);
  for (const r of REGIONS) {
    setText(outputs[`price-${r.id}`], `$${r.price.toFixed(3)}/kWh`);
    setText(outputs[`cap-${r.id}`], `${fmt(r.cap, whole)} MW`);
  }
}

// One delegated listener: the event's control updates the state, then the whole page is redrawn
// synchronously, before the handler returns.
const byId = Object.fromEntries(REGIONS.map((r) => [r.id, r]));
document.addEventListener('input', (event) => {
  const el = event.target;
  const value = el.valueAsNumber;
  if (!Number.isFinite(value)) return;
  if (el.id === 'hashprice') globals.hashprice = value;
  else if (el.id === 'efficiency') globals.efficiency = value;
  else if (el.id === 'fleet-mw') globals.fleetMw = value;
  else if (el.id.startsWith('price-') && byId[el.id.slice(6)]) byId[el.id.slice(6)].price = value;
  else if (el.id.startsWith('cap-') && byId[el.id.slice(4)]) byId[el.id.slice(4)].cap = value;
  else return;
  render();
});

render();
// The charts are drawn synchronously by update() with animation off: the page is ready now.
performance.mark('peer:first-chart');
window.peerReady = true;
