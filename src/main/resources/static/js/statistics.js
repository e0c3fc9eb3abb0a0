/*
 * Draws the statistics page's charts as SVG from the figures the server put in the page
 * (data-statistics on #statistics); every label comes from the server, in the reader's
 * language. No libraries: horizontal bar charts for counts, column histograms for score
 * distributions, and diverging bars around zero for the experts' severity.
 */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var root = document.getElementById('statistics');
  if (!root) {
    return;
  }
  var data = JSON.parse(root.getAttribute('data-statistics'));
  var label = function (name) { return root.getAttribute('data-label-' + name) || ''; };

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svg(width, height, title) {
    var node = el('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': title, 'class': 'chart-svg' });
    node.appendChild(el('title', {}, title));
    return node;
  }

  function number(value, digits) {
    return Number(value).toFixed(digits === undefined ? 0 : digits);
  }

  function empty(target) {
    var p = document.createElement('p');
    p.className = 'muted';
    p.textContent = label('none');
    target.appendChild(p);
  }

  /* Horizontal bars: one per {label, count}. */
  function bars(target, counts, title) {
    if (!counts.length || counts.every(function (c) { return c.count === 0; })) {
      empty(target);
      return;
    }
    var labelWidth = 170, barWidth = 420, row = 24, width = labelWidth + barWidth + 60;
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; })) || 1;
    var chart = svg(width, counts.length * row + 10, title);
    counts.forEach(function (c, i) {
      var y = i * row + 5;
      chart.appendChild(el('text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', 'class': 'chart-label' }, c.label));
      var w = Math.max(c.count > 0 ? 2 : 0, barWidth * c.count / max);
      chart.appendChild(el('rect', { x: labelWidth, y: y + 3, width: w, height: row - 8, 'class': 'chart-bar' }));
      chart.appendChild(el('text', { x: labelWidth + w + 6, y: y + 15, 'class': 'chart-value' }, String(c.count)));
    });
    target.appendChild(chart);
  }

  /* Columns: one per bin {from, to, count}, the bins' edges under them. */
  function histogram(target, round) {
    var heading = document.createElement('h3');
    heading.textContent = round.name + ' · ' + label('round-reviews').replace('{0}', round.reviews);
    target.appendChild(heading);
    if (!round.reviews) {
      empty(target);
      return;
    }
    var left = 40, column = 52, height = 160, width = left + column * round.distribution.length + 20;
    var max = Math.max.apply(null, round.distribution.map(function (b) { return b.count; })) || 1;
    var chart = svg(width, height + 50, round.name + ': ' + label('reviews'));
    chart.appendChild(el('line', { x1: left, y1: height + 10, x2: width - 10, y2: height + 10, 'class': 'chart-axis' }));
    round.distribution.forEach(function (b, i) {
      var h = height * b.count / max;
      var x = left + i * column;
      chart.appendChild(el('rect', { x: x + 4, y: height + 10 - h, width: column - 8, height: h, 'class': 'chart-bar' }));
      if (b.count > 0) {
        chart.appendChild(el('text', { x: x + column / 2, y: height + 6 - h, 'text-anchor': 'middle', 'class': 'chart-value' }, String(b.count)));
      }
      chart.appendChild(el('text', { x: x, y: height + 26, 'text-anchor': 'middle', 'class': 'chart-tick' }, number(b.from)));
    });
    var last = round.distribution[round.distribution.length - 1];
    chart.appendChild(el('text', { x: left + round.distribution.length * column, y: height + 26, 'text-anchor': 'middle', 'class': 'chart-tick' }, number(last.to)));
    chart.appendChild(el('text', { x: left, y: height + 44, 'class': 'chart-tick' }, label('reviews')));
    target.appendChild(chart);
  }

  /* Diverging bars around zero: lenient experts to the right, harsh ones to the left. */
  function severity(target, round) {
    var heading = document.createElement('h3');
    heading.textContent = round.name;
    target.appendChild(heading);
    if (!round.severity.length) {
      empty(target);
      return;
    }
    var labelWidth = 150, half = 220, row = 22, width = labelWidth + 2 * half + 60;
    var max = Math.max.apply(null, round.severity.map(function (s) { return Math.abs(s.offset); })) || 1;
    var zero = labelWidth + half;
    var chart = svg(width, round.severity.length * row + 30, round.name + ': ' + label('offset'));
    round.severity.forEach(function (s, i) {
      var y = i * row + 5;
      var w = half * Math.abs(s.offset) / max;
      chart.appendChild(el('text', { x: labelWidth - 8, y: y + 14, 'text-anchor': 'end', 'class': 'chart-label' }, s.expert));
      chart.appendChild(el('rect', { x: s.offset < 0 ? zero - w : zero, y: y + 3, width: w, height: row - 8,
        'class': s.offset < 0 ? 'chart-bar harsh' : 'chart-bar lenient' }));
      chart.appendChild(el('text', { x: s.offset < 0 ? zero - w - 6 : zero + w + 6, y: y + 14,
        'text-anchor': s.offset < 0 ? 'end' : 'start', 'class': 'chart-value' },
        (s.offset > 0 ? '+' : '') + number(s.offset, 2) + ' (' + s.reviews + ')'));
    });
    var bottom = round.severity.length * row + 8;
    chart.appendChild(el('line', { x1: zero, y1: 0, x2: zero, y2: bottom, 'class': 'chart-axis' }));
    chart.appendChild(el('text', { x: zero, y: bottom + 16, 'text-anchor': 'middle', 'class': 'chart-tick' }, label('offset')));
    target.appendChild(chart);
  }

  root.querySelectorAll('[data-chart]').forEach(function (target) {
    var kind = target.getAttribute('data-chart');
    var title = target.parentNode.querySelector('h2').textContent;
    if (kind === 'distribution') {
      data.rounds.forEach(function (round) { histogram(target, round); });
    } else if (kind === 'severity') {
      data.rounds.forEach(function (round) { severity(target, round); });
    } else {
      bars(target, data[kind], title);
    }
  });
}());
