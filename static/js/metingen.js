// Charts on the metingen tab of a casus (ZRM trend per domain, participatieladder).
// The data comes from the json_script element "metingen-charts"; the same figures
// are in the tables next to each chart, so the page is complete without this file.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  var source = document.getElementById("metingen-charts");
  if (!source) { return; }
  var charts = JSON.parse(source.textContent);
  // 13 domains: distinguishable colours plus dashes, so colour is not the only cue.
  var COLOURS = ["#154273", "#e17000", "#39870c", "#a90061", "#007bc7", "#673327",
    "#8fcae7", "#d52b1e", "#275937", "#42145f", "#ffb612", "#01689b", "#94710a"];
  var DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
  document.querySelectorAll("canvas[data-metingen-chart]").forEach(function (canvas) {
    var data = charts[canvas.dataset.metingenChart];
    if (!data) { return; }
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, i) {
          return {
            label: set.label,
            data: set.data,
            backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length],
            borderDash: DASHES[Math.floor(i / 4) % DASHES.length],
            stepped: data.stepped ? "before" : false,
            spanGaps: true
          };
        })
      },
      options: {
        responsive: true,
        animation: false,
        plugins: { legend: { position: "bottom", display: data.datasets.length > 1 } },
        scales: { y: { min: data.min, max: data.max, ticks: { stepSize: 1 } } }
      }
    });
  });
})();
