// Charts on the metingen tab of a casus (ZRM trend per domain, participatieladder).
// The data comes from the json_script element "metingen-charts"; the same figures
// are in the tables next to each chart, so the page is complete without this file.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  var source = document.getElementById("metingen-charts");
  if (!source) { return; }
  var charts = JSON.parse(source.textContent);
  // 13 domains: distinguishable colours, dashes and marker shapes, so colour is
  // not the only cue and a domain measured once is a visible marker, not a dot.
  var COLOURS = ["#154273", "#e17000", "#39870c", "#a90061", "#007bc7", "#673327",
    "#8fcae7", "#d52b1e", "#275937", "#42145f", "#ffb612", "#01689b", "#94710a"];
  var DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
  var MARKERS = ["circle", "rect", "triangle", "rectRot", "star", "crossRot",
    "rectRounded"];
  // Lines with the same score at a measurement are drawn this far apart (in score
  // units, at most 0.3 either way): identical lines stay side by side, each
  // visible, and still read as the same whole score. Tooltips show the score.
  var SPREAD = 0.12;

  function dodged(datasets, count) {
    var shifted = datasets.map(function (set) { return set.data.slice(); });
    for (var i = 0; i < count; i++) {
      var byScore = {};
      datasets.forEach(function (set, d) {
        var score = set.data[i];
        if (score === null || score === undefined) { return; }
        (byScore[score] = byScore[score] || []).push(d);
      });
      Object.keys(byScore).forEach(function (score) {
        var same = byScore[score];
        var step = Math.min(SPREAD, 0.6 / Math.max(1, same.length - 1));
        same.forEach(function (d, j) {
          shifted[d][i] = Number(score) + (j - (same.length - 1) / 2) * step;
        });
      });
    }
    return shifted;
  }

  var LABEL_FONT = "12px system-ui, sans-serif";
  var LINE_HEIGHT = 14;

  function widest(names) {
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = LABEL_FONT;
    return names.reduce(function (most, name) {
      return Math.max(most, ctx.measureText(name).width);
    }, 0);
  }

  // The domains' names at the end of their lines, so the chart reads without
  // hovering; domains ending on the same score share one label.
  var endLabels = {
    id: "endLabels",
    afterDatasetsDraw: function (chart) {
      var groups = {};
      chart.data.datasets.forEach(function (set, d) {
        var meta = chart.getDatasetMeta(d);
        if (meta.hidden) { return; }
        for (var i = set.raw.length - 1; i >= 0; i--) {
          if (set.raw[i] !== null && set.raw[i] !== undefined) {
            var key = i + ":" + set.raw[i];
            groups[key] = groups[key] || { point: meta.data[i], lines: [] };
            groups[key].lines.push({ name: set.label, y: meta.data[i].y });
            return;
          }
        }
      });
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = LABEL_FONT;
      ctx.fillStyle = "#1f1f1f";
      ctx.textBaseline = "middle";
      Object.keys(groups).forEach(function (key) {
        // Top to bottom in the order the spread lines lie in, centred on them.
        var lines = groups[key].lines.sort(function (a, b) { return a.y - b.y; });
        var y = lines.reduce(function (sum, line) { return sum + line.y; }, 0) /
          lines.length;
        var top = y - (lines.length - 1) * LINE_HEIGHT / 2;
        lines.forEach(function (line, n) {
          ctx.fillText(line.name, groups[key].point.x + 10, top + n * LINE_HEIGHT);
        });
      });
      ctx.restore();
    }
  };

  document.querySelectorAll("canvas[data-metingen-chart]").forEach(function (canvas) {
    var data = charts[canvas.dataset.metingenChart];
    if (!data) { return; }
    var several = data.datasets.length > 1;
    var shown = several ? dodged(data.datasets, data.labels.length) : null;
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, i) {
          return {
            label: set.label,
            data: shown ? shown[i] : set.data,
            raw: set.data,
            backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length],
            borderWidth: 2,
            borderDash: DASHES[Math.floor(i / 4) % DASHES.length],
            pointStyle: MARKERS[i % MARKERS.length],
            pointRadius: 5,
            pointHoverRadius: 7,
            stepped: data.stepped ? "before" : false,
            spanGaps: true
          };
        })
      },
      options: {
        responsive: true,
        animation: false,
        // Room at the right for the names at the ends of the lines.
        layout: {
          padding: {
            right: several ? 16 + widest(data.datasets.map(function (set) {
              return set.label;
            })) : 0
          }
        },
        plugins: {
          legend: {
            position: "bottom",
            display: several,
            labels: { usePointStyle: true }
          },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + item.dataset.raw[item.dataIndex];
              }
            }
          }
        },
        scales: {
          y: {
            // Half a step beyond the scale, so spread markers at 1 and 5 fit.
            min: several ? data.min - 0.5 : data.min,
            max: several ? data.max + 0.5 : data.max,
            // Ticks at the whole scores only, not at the half steps of the edges.
            afterBuildTicks: function (axis) {
              var ticks = [];
              for (var v = data.min; v <= data.max; v++) { ticks.push({ value: v }); }
              axis.ticks = ticks;
            }
          }
        }
      },
      plugins: several ? [endLabels] : []
    });
  });
})();
