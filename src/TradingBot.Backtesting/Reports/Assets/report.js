// TradingBot report renderer (MIT). Draws every [data-backtest] section from its JSON data island with the bundled
// lightweight-charts, wires sortable tables and heatmap read-outs. It reads data only through JSON.parse and writes
// text only through textContent, so nothing from a strategy name, reason or warning can become markup or script.
// When it is done it sets data-rendered="true" on <html>; any script error sets data-error instead, and every
// Content-Security-Policy violation (an attempted network request) is listed in data-csp-violations.
(function () {
  'use strict';
  var root = document.documentElement;

  function fail(message) {
    if (!root.hasAttribute('data-error')) {
      root.setAttribute('data-error', String(message || 'unknown error'));
    }
  }

  window.addEventListener('error', function (e) { fail(e.message || 'script error'); });
  window.addEventListener('unhandledrejection', function (e) { fail(e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) {
    var seen = root.getAttribute('data-csp-violations');
    var entry = e.violatedDirective + ' ' + e.blockedURI;
    root.setAttribute('data-csp-violations', seen ? seen + '\n' + entry : entry);
  });

  var COLORS = { up: '#1a7f37', down: '#cf222e', equity: '#0969da', event: '#bf8700', exit: '#6e7781' };
  var PALETTE = ['#8250df', '#d4a72c', '#0a7ea4', '#bc4c00', '#1b7c83', '#e85aad', '#57606a', '#4d2d00'];
  var PAGE_SIZE = 100;
  var MARKER_TEXT_LIMIT = 40;
  var MARKERS_IN_VIEW_LIMIT = 1500;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function isoTime(ms) {
    var s = new Date(ms).toISOString();
    return s.replace('T', ' ').replace('.000Z', '').replace('Z', '');
  }

  function duration(ms) {
    var minutes = Math.round(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var rest = minutes - days * 1440;
    var hh = String(Math.floor(rest / 60)).padStart(2, '0');
    var mm = String(rest % 60).padStart(2, '0');
    return rest === 0 ? days + ' d' : days + ' d ' + hh + ':' + mm;
  }

  function percent(value) {
    return value === null || value === undefined ? 'NaN' : value.toFixed(4) + ' %';
  }

  function bucketAt(times, time) {
    var lo = 0, hi = times.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (times[mid] <= time) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }

  function tradeSide(t, i) { return Number(t.size[i]) > 0 ? 'long' : 'short'; }

  function reason(data, index) { return index < 0 ? '' : data.reasons[index]; }

  function describeTrade(data, i, which) {
    var t = data.trades;
    var side = tradeSide(t, i);
    if (which === 'entry') {
      return '#' + (i + 1) + ' ' + side + ' entry ' + t.size[i] + ' @ ' + t.entryPrice[i] + ' (' + isoTime(t.entryTime[i]) +
        ', bar ' + t.entryBar[i] + ')' + (t.entryReason[i] >= 0 ? ' \u2014 ' + reason(data, t.entryReason[i]) : '');
    }
    return '#' + (i + 1) + ' ' + side + ' exit @ ' + t.exitPrice[i] + ' (' + isoTime(t.exitTime[i]) + ', bar ' + t.exitBar[i] +
      ') \u2014 ' + reason(data, t.exitReason[i]) + '; PnL ' + t.pnl[i] + ' (' + percent(t.returnPct[i]) + ')';
  }

  // Every entry, exit and event marker with its bucket, sorted by bucket; 'label' is shown when few are in view.
  function buildMarkers(data, times) {
    var t = data.trades;
    var markers = [];
    for (var i = 0; i < t.count; i++) {
      var long = Number(t.size[i]) > 0;
      markers.push({
        bucket: t.entryBucket[i], label: long ? 'long' : 'short',
        marker: { id: 'e' + i, time: times[t.entryBucket[i]], price: Number(t.entryPrice[i]),
          position: long ? 'atPriceBottom' : 'atPriceTop', shape: long ? 'arrowUp' : 'arrowDown', color: long ? COLORS.up : COLORS.down }
      });
      var gain = Number(t.pnl[i]) > 0;
      markers.push({
        bucket: t.exitBucket[i], label: 'exit: ' + reason(data, t.exitReason[i]),
        marker: { id: 'x' + i, time: times[t.exitBucket[i]], price: Number(t.exitPrice[i]), position: 'atPriceMiddle',
          shape: 'circle', color: gain ? COLORS.up : COLORS.down }
      });
    }
    data.events.forEach(function (ev, k) {
      if (ev.bucket !== null) {
        markers.push({ bucket: ev.bucket, label: ev.kind,
          marker: { id: 'v' + k, time: times[ev.bucket], position: 'aboveBar', shape: 'square', color: COLORS.event } });
      }
    });
    markers.sort(function (a, b) { return a.bucket - b.bucket; });
    return markers;
  }

  function firstAtOrAfter(markers, bucket) {
    var lo = 0, hi = markers.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (markers[mid].bucket < bucket) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  // Draws the markers of the visible range (all of them, exact), or none with a note when too many are in view.
  function showMarkersInView(plugin, markers, range, note) {
    var from = range ? Math.floor(range.from) : 0;
    var to = range ? Math.ceil(range.to) : Number.MAX_SAFE_INTEGER;
    var start = firstAtOrAfter(markers, from);
    var end = firstAtOrAfter(markers, to + 1);
    var count = end - start;
    if (count > MARKERS_IN_VIEW_LIMIT) {
      plugin.setMarkers([]);
      note.textContent = count + ' trade and event markers in view: zoom in (mouse wheel or drag) to draw them.';
      return 0;
    }
    var withText = count <= 2 * MARKER_TEXT_LIMIT;
    plugin.setMarkers(markers.slice(start, end).map(function (m) {
      return withText ? Object.assign({ text: m.label }, m.marker) : m.marker;
    }));
    note.textContent = count === markers.length ? '' : count + ' of ' + markers.length + ' markers in view.';
    return count;
  }

  function indexByBucket(data) {
    var map = new Map();
    function add(bucket, item) {
      var list = map.get(bucket);
      if (!list) { list = []; map.set(bucket, list); }
      list.push(item);
    }
    var t = data.trades;
    for (var i = 0; i < t.count; i++) {
      add(t.entryBucket[i], { trade: i, which: 'entry' });
      add(t.exitBucket[i], { trade: i, which: 'exit' });
    }
    data.events.forEach(function (ev, k) { if (ev.bucket !== null) { add(ev.bucket, { event: k }); } });
    return map;
  }

  function describeItem(data, item) {
    if (item.event !== undefined) {
      var ev = data.events[item.event];
      return ev.kind + (ev.bar !== null ? ' (bar ' + ev.bar + ')' : '') + ': ' + ev.text;
    }
    return describeTrade(data, item.trade, item.which);
  }

  function renderChart(section, data) {
    var LC = window.LightweightCharts;
    var host = section.querySelector('[data-chart]');
    var c = data.candles;
    var m = c.time.length;
    var chart = LC.createChart(host, {
      autoSize: true,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1f2328', fontFamily: 'system-ui, sans-serif', panes: { separatorColor: '#d1d9e0' } },
      grid: { vertLines: { color: '#f0f2f4' }, horzLines: { color: '#f0f2f4' } },
      timeScale: { timeVisible: data.intraday, secondsVisible: false, minBarSpacing: 0.01 },
      crosshair: { mode: 0 }
    });
    var candles = new Array(m);
    for (var i = 0; i < m; i++) {
      candles[i] = { time: c.time[i], open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i] };
    }
    var price = chart.addSeries(LC.CandlestickSeries, {
      upColor: COLORS.up, downColor: COLORS.down, borderVisible: false, wickUpColor: COLORS.up, wickDownColor: COLORS.down,
      priceFormat: { type: 'price', precision: data.pricePrecision, minMove: Math.pow(10, -data.pricePrecision) }
    }, 0);
    price.setData(candles);

    var legend = section.querySelector('[data-legend]');
    data.plots.forEach(function (plot, k) {
      var color = PALETTE[k % PALETTE.length];
      var line = chart.addSeries(LC.LineSeries, {
        color: color, lineWidth: 1, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false,
        priceFormat: { type: 'price', precision: data.pricePrecision, minMove: Math.pow(10, -data.pricePrecision) }
      }, 0);
      var points = new Array(m);
      for (var j = 0; j < m; j++) {
        var v = plot.values[j];
        points[j] = v === null ? { time: c.time[j] } : { time: c.time[j], value: v };
      }
      line.setData(points);
      var item = el('span', plot.name);
      item.style.setProperty('--swatch', color);
      legend.appendChild(item);
    });

    var equity = chart.addSeries(LC.LineSeries, { color: COLORS.equity, lineWidth: 2, title: 'Equity', priceLineVisible: false }, 1);
    var drawdown = chart.addSeries(LC.BaselineSeries, {
      baseValue: { type: 'price', price: 0 }, title: 'Drawdown %', priceLineVisible: false,
      topLineColor: COLORS.down, bottomLineColor: COLORS.down,
      topFillColor1: 'rgba(207,34,46,0)', topFillColor2: 'rgba(207,34,46,0)',
      bottomFillColor1: 'rgba(207,34,46,0.08)', bottomFillColor2: 'rgba(207,34,46,0.35)',
      priceFormat: { type: 'custom', formatter: function (v) { return v.toFixed(2) + ' %'; } }
    }, 2);
    var eq = new Array(m), dd = new Array(m);
    for (var b = 0; b < m; b++) {
      eq[b] = data.equity[b] === null ? { time: c.time[b] } : { time: c.time[b], value: data.equity[b] };
      dd[b] = data.drawdownPct[b] === null ? { time: c.time[b] } : { time: c.time[b], value: data.drawdownPct[b] };
    }
    equity.setData(eq);
    drawdown.setData(dd);
    var panes = chart.panes();
    panes[0].setStretchFactor(4);
    panes[1].setStretchFactor(1.5);
    panes[2].setStretchFactor(1);

    var markers = buildMarkers(data, c.time);
    var plugin = LC.createSeriesMarkers(price, []);
    var markerNote = el('em', '', 'muted');
    legend.appendChild(markerNote);
    chart.timeScale().fitContent();
    section.setAttribute('data-markers', String(markers.length));
    section.setAttribute('data-markers-drawn', String(showMarkersInView(plugin, markers, null, markerNote)));
    chart.timeScale().subscribeVisibleLogicalRangeChange(function (range) {
      showMarkersInView(plugin, markers, range, markerNote);
    });

    var tooltip = section.querySelector('[data-tooltip]');
    var byBucket = indexByBucket(data);
    chart.subscribeCrosshairMove(function (param) {
      if (param.time === undefined || !param.point || param.point.x < 0 || param.point.y < 0) {
        tooltip.style.display = 'none';
        return;
      }
      var bucket = bucketAt(c.time, param.time);
      var lines = [];
      var head = isoTime(c.time[bucket] * 1000) + (data.barsPerBucket > 1 ? ' (bucket of up to ' + data.barsPerBucket + ' bars)' : '');
      lines.push(head + '  O ' + c.open[bucket] + '  H ' + c.high[bucket] + '  L ' + c.low[bucket] + '  C ' + c.close[bucket]);
      lines.push('Equity ' + (data.equity[bucket] === null ? 'NaN' : data.equity[bucket].toFixed(2)) +
        '  Drawdown ' + (data.drawdownPct[bucket] === null ? 'NaN' : data.drawdownPct[bucket].toFixed(2) + ' %'));
      var hovered = typeof param.hoveredObjectId === 'string' ? param.hoveredObjectId : null;
      var items = byBucket.get(bucket) || [];
      if (hovered) {
        var index = Number(hovered.slice(1));
        var kind = hovered.charAt(0);
        items = kind === 'v' ? [{ event: index }] : [{ trade: index, which: kind === 'e' ? 'entry' : 'exit' }];
      }
      items.slice(0, 6).forEach(function (item) { lines.push(describeItem(data, item)); });
      if (items.length > 6) { lines.push('\u2026 and ' + (items.length - 6) + ' more in this bucket'); }
      tooltip.textContent = lines.join('\n');
      tooltip.style.display = 'block';
    });
    return chart;
  }

  function renderTrades(section, data, chart) {
    var host = section.querySelector('[data-trades]');
    var t = data.trades;
    host.textContent = '';
    if (t.count === 0) {
      host.appendChild(el('p', 'No closed trades.', 'note'));
      return;
    }
    var pager = el('div', null, 'pager');
    var prev = el('button', '\u2190 Previous');
    var next = el('button', 'Next \u2192');
    var status = el('span', '', 'muted');
    prev.type = 'button';
    next.type = 'button';
    pager.appendChild(prev);
    pager.appendChild(next);
    pager.appendChild(status);
    var table = el('table', null, 'trades');
    var headers = ['#', 'Side', 'Size', 'Entry time', 'Entry price', 'Exit time', 'Exit price', 'Exit reason', 'PnL', 'Return', 'Commission', 'Duration', 'SL', 'TP', 'Entry reason'];
    var numeric = { '#': 1, 'Size': 1, 'Entry price': 1, 'Exit price': 1, 'PnL': 1, 'Return': 1, 'Commission': 1, 'SL': 1, 'TP': 1 };
    var thead = el('thead');
    var hr = el('tr');
    headers.forEach(function (h) { hr.appendChild(el('th', h, numeric[h] ? 'num' : '')); });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el('tbody');
    table.appendChild(tbody);
    host.appendChild(pager);
    host.appendChild(table);
    var page = 0;
    var pages = Math.ceil(t.count / PAGE_SIZE);

    function show() {
      tbody.textContent = '';
      var from = page * PAGE_SIZE;
      var to = Math.min(t.count, from + PAGE_SIZE);
      for (var i = from; i < to; i++) {
        var tr = el('tr');
        var side = tradeSide(t, i);
        var gain = Number(t.pnl[i]) > 0 ? 'gain' : 'loss';
        [[i + 1, 'num'], [side, side], [t.size[i], 'num'], [isoTime(t.entryTime[i]), ''], [t.entryPrice[i], 'num'],
          [isoTime(t.exitTime[i]), ''], [t.exitPrice[i], 'num'], [reason(data, t.exitReason[i]), ''], [t.pnl[i], 'num ' + gain],
          [percent(t.returnPct[i]), 'num ' + gain], [t.commission[i], 'num'], [duration(t.exitTime[i] - t.entryTime[i]), ''],
          [t.stopLoss[i] === null ? '' : t.stopLoss[i], 'num'], [t.takeProfit[i] === null ? '' : t.takeProfit[i], 'num'],
          [reason(data, t.entryReason[i]), '']].forEach(function (cell) { tr.appendChild(el('td', cell[0], cell[1])); });
        tr.setAttribute('data-trade', String(i));
        tbody.appendChild(tr);
      }
      status.textContent = 'Trades ' + (from + 1) + '\u2013' + to + ' of ' + t.count + ' (page ' + (page + 1) + ' of ' + pages + ')';
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    prev.addEventListener('click', function () { if (page > 0) { page--; show(); } });
    next.addEventListener('click', function () { if (page < pages - 1) { page++; show(); } });
    tbody.addEventListener('click', function (e) {
      var row = e.target.closest('tr[data-trade]');
      if (!row || !chart) { return; }
      var i = Number(row.getAttribute('data-trade'));
      var span = Math.max(20, t.exitBucket[i] - t.entryBucket[i]);
      chart.timeScale().setVisibleLogicalRange({ from: t.entryBucket[i] - span, to: t.exitBucket[i] + span });
      section.querySelector('[data-chart]').scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
    show();
  }

  function renderBacktest(section) {
    var island = section.querySelector('script[data-report-data]');
    var data = JSON.parse(island.textContent);
    var chart = renderChart(section, data);
    renderTrades(section, data, chart);
    section.setAttribute('data-rendered', 'true');
  }

  function sortValue(cell) {
    var raw = cell.getAttribute('data-value');
    if (raw === null) { return cell.textContent; }
    return raw === 'NaN' ? NaN : Number(raw);
  }

  function makeSortable(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    headers.forEach(function (th, column) {
      th.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') !== 'descending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a.cells[column]), y = sortValue(b.cells[column]);
          var xn = typeof x === 'number' && isNaN(x), yn = typeof y === 'number' && isNaN(y);
          if (xn || yn) { return xn === yn ? 0 : (xn ? 1 : -1); }
          var order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function wireHeatmap(figure) {
    var readout = figure.querySelector('output');
    figure.addEventListener('mouseover', function (e) {
      var cell = e.target.closest('rect[data-label]');
      if (cell) { readout.textContent = cell.getAttribute('data-label'); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    try {
      if (!window.LightweightCharts) { throw new Error('the bundled chart library did not load'); }
      Array.prototype.forEach.call(document.querySelectorAll('[data-backtest]'), renderBacktest);
      Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), makeSortable);
      Array.prototype.forEach.call(document.querySelectorAll('[data-heatmap]'), wireHeatmap);
      if (!root.hasAttribute('data-error')) { root.setAttribute('data-rendered', 'true'); }
    } catch (e) {
      fail(e && e.message ? e.message : e);
    }
  });
})();
