/**
 * A bar chart on Chart.js (docs/decisions: the console README says why this library): only the
 * bar controller and its scales are registered, so the bundle carries nothing else. A canvas
 * says nothing to a screen reader, so it is an image with a label, and the table beside every
 * chart holds the same figures (and exports them as CSV).
 */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export function BarChart({
  labels,
  values,
  label,
}: {
  labels: readonly string[];
  values: readonly number[];
  /** What the chart shows, for screen readers (its figures are in the table beside it). */
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: [{ data: [...values], backgroundColor: '#1f5fa8', label, maxBarThickness: 64 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // No animation: staff read figures, and screenshots and tests see the final state.
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 } },
          x: { ticks: { font: { family: "'Noto Sans Mongolian', 'Noto Sans SC', sans-serif" } } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, values, label]);
  return (
    <div className="console-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
