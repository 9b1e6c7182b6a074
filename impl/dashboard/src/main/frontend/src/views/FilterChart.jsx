import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { filterSeries } from '../lights.js';

const COLOURS = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#e03131', '#5c940d'];

/** Packets each filter blocked over time, from the samples the controller keeps. */
export function FilterChart({ filters }) {
  const host = useRef(null);
  const chart = useRef(null);
  const names = filters.map((f) => f.name).join(',');

  useEffect(() => {
    const options = {
      width: Math.max(320, host.current.clientWidth),
      height: 240,
      scales: { x: { time: true } },
      axes: [{}, { label: 'packets blocked' }],
      series: [{}, ...filters.map((f, i) => ({ label: f.name, stroke: COLOURS[i % COLOURS.length], width: 2,
        spanGaps: true }))],
    };
    chart.current = new uPlot(options, filterSeries(filters), host.current);
    return () => chart.current.destroy();
    // A new chart only when the set of filters changes; samples update it below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [names]);

  useEffect(() => {
    chart.current?.setData(filterSeries(filters));
    host.current.dataset.points = filterSeries(filters)[0].length;
  }, [filters]);

  return <div class="chart" ref={host} data-testid="filter-chart" />;
}
