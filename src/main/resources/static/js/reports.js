// Draws the report's charts from the figures the page embeds (#report-charts), with Chart.js
// served by the application itself. window.jianduChartsDrawn counts the charts drawn.
(function () {
  'use strict';
  var palette = ['#9b1c1c', '#d97706', '#2563eb', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#6b7280', '#b45309'];

  function draw(chart) {
    var canvas = document.getElementById('chart-' + chart.id);
    if (!canvas) {
      return false;
    }
    var doughnut = chart.type === 'doughnut';
    var horizontal = !doughnut && chart.labels.length > 5;
    new Chart(canvas, {
      type: chart.type,
      data: {
        labels: chart.labels,
        datasets: [{
          label: chart.title,
          data: chart.values,
          backgroundColor: doughnut ? palette.slice(0, chart.values.length) : palette[0],
          borderWidth: doughnut ? 1 : 0
        }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: doughnut, position: 'right' } },
        scales: doughnut ? {} : {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
    return true;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var charts = JSON.parse(document.getElementById('report-charts').textContent);
    window.jianduChartsDrawn = charts.filter(draw).length;
  });
})();
