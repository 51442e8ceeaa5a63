// The KPI page's charts (uPlot, ~50 KB minified: the smallest of the chart libraries that draw
// both bars and lines on a canvas). Fed by the JSON block #kpi-data; the tables beside them are
// the same figures and work without this script.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const data = document.getElementById('kpi-data');
if (data) {
  const kpi = JSON.parse(data.textContent);
  const width = (el) => Math.max(280, Math.min(el.clientWidth || 600, 720));
  const font = '12px "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
  const axis = (extra) => ({ font, labelFont: font, stroke: '#444', grid: { stroke: '#eee' }, ...extra });

  const successEl = document.getElementById('kpi-chart-success');
  if (successEl && kpi.units.length) {
    const xs = kpi.units.map((_, i) => i);
    new uPlot({
      width: width(successEl), height: 240,
      scales: { x: { time: false, range: [-0.5, kpi.units.length - 0.5] }, y: { range: [0, 100] } },
      legend: { show: false },
      cursor: { show: false },
      axes: [
        axis({ values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? kpi.units[i] ?? '' : '')),
          splits: () => xs, gap: 4 }),
        axis({ values: (u, splits) => splits.map((v) => v + '%'), size: 48 }),
      ],
      series: [
        {},
        { label: kpi.labels.success, stroke: '#1f6feb', fill: 'rgba(31,111,235,0.6)', width: 1,
          paths: uPlot.paths.bars({ size: [0.6, 64] }), points: { show: false } },
      ],
    }, [xs, kpi.success], successEl);
  }

  const monthsEl = document.getElementById('kpi-chart-months');
  if (monthsEl && kpi.months.length) {
    const xs = kpi.months.map((_, i) => i);
    const line = (label, stroke) => ({ label, stroke, width: 2, points: { size: 6, fill: stroke } });
    new uPlot({
      width: width(monthsEl), height: 240,
      scales: { x: { time: false, range: [-0.3, Math.max(kpi.months.length - 0.7, 0.7)] }, y: { range: (u, min, max) => [0, Math.max(4, max + 1)] } },
      legend: { show: true, live: false },
      axes: [
        axis({ values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? kpi.months[i] ?? '' : '')),
          splits: () => xs }),
        axis({ size: 40 }),
      ],
      series: [
        {},
        line(kpi.labels.received, '#1f6feb'),
        line(kpi.labels.resolved, '#2da44e'),
        line(kpi.labels.petitions, '#bf8700'),
      ],
    }, [xs, kpi.received, kpi.resolved, kpi.petitions], monthsEl);
  }
}
