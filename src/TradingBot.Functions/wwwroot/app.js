// TradingBot dashboard: plain JavaScript, no build step, no third-party requests. Every number comes from the API
// with the key kept in sessionStorage and sent as x-functions-key. Data is written with textContent only.
'use strict';
(function () {
  var KEY = 'tradingbot.key';
  var LC = window.LightweightCharts;
  var state = { markets: [], strategies: [], accounts: [], catalog: [], live: false, timers: {}, charts: {}, serverNow: Date.now() };
  var $ = function (id) { return document.getElementById(id); };

  function key() { return sessionStorage.getItem(KEY); }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (name) {
      if (name === 'text') node.textContent = props[name];
      else if (name === 'class') node.className = props[name];
      else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), props[name]);
      else node.setAttribute(name, props[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }

  function problemText(problem, status) {
    if (!problem) return 'HTTP ' + status;
    var text = problem.detail || problem.title || ('HTTP ' + status);
    if (problem.errors) {
      text += ' ' + Object.keys(problem.errors).map(function (f) { return f + ': ' + problem.errors[f].join(' '); }).join('; ');
    }
    return text;
  }

  function api(path, options) {
    options = options || {};
    var headers = Object.assign({ 'x-functions-key': key() || '' }, options.headers || {});
    if (options.json !== undefined) { headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(options.json); }
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body, cache: 'no-store' }).then(function (response) {
      if (response.status === 401) { signOut('Your key was refused. Sign in again.'); throw new Error('unauthorized'); }
      var type = response.headers.get('content-type') || '';
      var body = type.indexOf('json') >= 0 ? response.json() : response.text();
      return body.then(function (data) {
        if (!response.ok) { var error = new Error(problemText(data, response.status)); error.status = response.status; throw error; }
        return { data: data, etag: response.headers.get('ETag') };
      });
    });
  }

  function get(path) { return api(path).then(function (r) { return r.data; }); }

  function showError(error) {
    if (error && error.message === 'unauthorized') return;
    var banner = $('error');
    banner.textContent = String(error && error.message || error);
    banner.hidden = false;
    clearTimeout(state.timers.error);
    state.timers.error = setTimeout(function () { banner.hidden = true; }, 8000);
  }

  // ---- formatting --------------------------------------------------------------------------------------------
  function num(value, digits) {
    if (value === null || value === undefined) return '–';
    var n = Number(value);
    return isFinite(n) ? n.toLocaleString(undefined, { maximumFractionDigits: digits === undefined ? 8 : digits }) : String(value);
  }
  function time(iso) { return iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '–'; }
  function seconds(iso) { return Math.floor(Date.parse(iso) / 1000); }
  function timeframeSeconds(tf) {
    var m = /^(\d+)([smhdw])$/.exec(tf || '');
    if (!m) return 60;
    return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
  }
  function cell(text, cls) { return el('td', { text: text, class: cls || '' }); }
  function fill(tbody, rows, empty, columns) {
    tbody.replaceChildren();
    if (rows.length === 0) { tbody.appendChild(el('tr', {}, [el('td', { text: empty, colspan: String(columns) })])); return; }
    rows.forEach(function (row) { tbody.appendChild(row); });
  }
  function options(select, items, keep) {
    var current = keep ? select.value : null;
    select.replaceChildren.apply(select, items.map(function (item) { return el('option', { value: item.value, text: item.label }); }));
    if (current && items.some(function (i) { return i.value === current; })) select.value = current;
  }

  // ---- sections ----------------------------------------------------------------------------------------------
  function loadStrategies() {
    return Promise.all([get('/api/strategies?pageSize=1000'), get('/api/markets'), get('/api/catalog')]).then(function (r) {
      state.strategies = r[0].items; state.markets = r[1].items; state.catalog = r[2];
      var marketItems = state.markets.map(function (m) { var id = m.venue + '|' + m.symbol + '|' + m.timeframe; return { value: id, label: m.venue + ' ' + m.symbol + ' ' + m.timeframe }; });
      options($('market'), marketItems, true);
      options($('bt-market'), marketItems, true);
      options($('bt-strategy'), state.catalog.map(function (c) { return { value: c.name, label: c.name }; }), true);
      refreshOverlayChoices();
      fill($('strategies').tBodies[0], state.strategies.map(function (s) {
        var toggle = el('input', { type: 'checkbox', class: 'switch', 'aria-label': 'enable ' + s.id, 'data-strategy': s.id });
        toggle.checked = s.enabled;
        toggle.addEventListener('change', function () { toggleStrategy(s, toggle); });
        var params = Object.keys(s.parameters).map(function (k) { return k + '=' + num(s.parameters[k]); }).join(', ');
        return el('tr', {}, [el('td', {}, [toggle]), cell(s.id), cell(s.strategy), cell(s.venue + ' ' + s.symbol + ' ' + s.timeframe), cell(params), cell(s.account)]);
      }), 'No strategies configured.', 6);
    });
  }

  function toggleStrategy(strategy, toggle) {
    toggle.disabled = true;
    api('/api/strategies/' + encodeURIComponent(strategy.id) + (toggle.checked ? '/enable' : '/disable'), { method: 'POST', headers: { 'If-Match': strategy.etag } })
      .then(function (r) { strategy.etag = r.data.etag; strategy.enabled = r.data.enabled; toggle.checked = r.data.enabled; toggle.setAttribute('data-enabled', String(r.data.enabled)); })
      .catch(function (e) { toggle.checked = strategy.enabled; showError(e.status === 412 ? 'That strategy was changed meanwhile; reloaded.' : e); return loadStrategies(); })
      .then(function () { toggle.disabled = false; });
  }

  function refreshOverlayChoices() {
    var market = $('market').value.split('|');
    var items = [{ value: '', label: 'no overlay' }].concat(state.strategies.filter(function (s) {
      return s.venue === market[0] && s.symbol === market[1] && s.timeframe === market[2];
    }).map(function (s) { return { value: s.id, label: s.id + ' (' + s.strategy + ')' }; }));
    options($('overlay'), items, true);
    if (!$('overlay').value && items.length > 1) $('overlay').value = items[1].value;
  }

  function chart(id, height) {
    if (state.charts[id]) return state.charts[id];
    var container = $(id);
    var c = LC.createChart(container, {
      autoSize: true, height: height, layout: { background: { color: '#171d24' }, textColor: '#d7dde4', attributionLogo: false },
      grid: { vertLines: { color: '#222a33' }, horzLines: { color: '#222a33' } },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    state.charts[id] = { chart: c, series: [] };
    return state.charts[id];
  }

  function clearSeries(holder) {
    holder.series.forEach(function (s) { holder.chart.removeSeries(s); });
    holder.series = [];
  }

  function loadChart() {
    if (!$('market').value) { $('chart-legend').textContent = 'No market is configured yet.'; return Promise.resolve(); }
    var m = $('market').value.split('|');
    var query = '?venue=' + encodeURIComponent(m[0]) + '&symbol=' + encodeURIComponent(m[1]) + '&timeframe=' + encodeURIComponent(m[2]) + '&bars=300'
      + ($('overlay').value ? '&strategyId=' + encodeURIComponent($('overlay').value) : '');
    return get('/api/candles/chart' + query).then(function (view) {
      var holder = chart('chart', 360);
      clearSeries(holder);
      var candles = holder.chart.addSeries(LC.CandlestickSeries, { upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350' });
      candles.setData(view.candles.map(function (c) { return { time: seconds(c.time), open: Number(c.open), high: Number(c.high), low: Number(c.low), close: Number(c.close) }; }));
      holder.series.push(candles);
      var colors = ['#f0b429', '#4c8dff', '#b388ff', '#80cbc4'];
      view.overlays.forEach(function (o, i) {
        var line = holder.chart.addSeries(LC.LineSeries, { color: colors[i % colors.length], lineWidth: 1, title: o.name, priceLineVisible: false, lastValueVisible: false });
        line.setData(o.points.map(function (p) { return { time: seconds(p.time), value: p.value }; }));
        holder.series.push(line);
      });
      var step = timeframeSeconds(view.timeframe);
      var markers = view.markers.map(function (k) {
        var buy = k.side === 'buy';
        return { time: Math.floor(seconds(k.time) / step) * step, position: buy ? 'belowBar' : 'aboveBar', color: buy ? '#26a69a' : '#ef5350', shape: buy ? 'arrowUp' : 'arrowDown', text: (buy ? 'B ' : 'S ') + num(k.amount, 6) };
      }).sort(function (a, b) { return a.time - b.time; });
      if (holder.markers) holder.markers.detach();
      holder.markers = LC.createSeriesMarkers(candles, markers);
      holder.chart.timeScale().fitContent();
      $('chart').setAttribute('data-bars', String(view.candles.length));
      $('chart-legend').textContent = view.candles.length + ' candles, ' + view.markers.length + ' fills'
        + (view.overlays.length ? ', overlays: ' + view.overlays.map(function (o) { return o.name; }).join(', ') : '');
    });
  }

  function loadPortfolio() {
    return Promise.all([get('/api/portfolio'), get('/api/positions')]).then(function (r) {
      state.accounts = r[0].accounts;
      options($('account'), state.accounts.map(function (a) { return { value: a.account, label: a.account }; }), true);
      $('accounts').replaceChildren.apply($('accounts'), state.accounts.map(function (a) {
        return el('div', {}, [el('b', { text: a.account + ' (' + a.mode + ')' }), 'equity ' + num(a.equity, 2) + ' ' + a.quote,
          el('br'), 'cash ' + num(a.cash, 2) + ', PnL ' + num(Number(a.realizedPnl) + Number(a.unrealizedPnl), 2) + (a.balanceError ? ' (' + a.balanceError + ')' : '')]);
      }));
      fill($('positions').tBodies[0], r[1].items.filter(function (p) { return Number(p.quantity) !== 0; }).map(function (p) {
        return el('tr', {}, [cell(p.account), cell(p.symbol), cell(num(p.quantity), 'num'), cell(num(p.averageCost), 'num'), cell(num(p.markPrice), 'num'),
          cell(num(p.unrealizedPnl, 2), 'num ' + (Number(p.unrealizedPnl) >= 0 ? 'buy' : 'sell')), cell(num(p.realizedPnl, 2), 'num')]);
      }), 'No open positions.', 7);
    }).then(loadEquity);
  }

  function loadEquity() {
    var account = $('account').value;
    if (!account) { $('equity-legend').textContent = 'No account yet.'; return Promise.resolve(); }
    return get('/api/portfolio/equity?account=' + encodeURIComponent(account)).then(function (curve) {
      var holder = chart('equity', 240);
      clearSeries(holder);
      var points = [];
      curve.points.forEach(function (p) {
        var t = seconds(p.time);
        if (points.length && points[points.length - 1].time >= t) points.pop();
        points.push({ time: t, equity: Number(p.equity), drawdown: Number(p.drawdown) * 100 });
      });
      var equity = holder.chart.addSeries(LC.LineSeries, { color: '#4c8dff', lineWidth: 2, title: 'equity' });
      equity.setData(points.map(function (p) { return { time: p.time, value: p.equity }; }));
      var drawdown = holder.chart.addSeries(LC.BaselineSeries, { baseValue: { type: 'price', price: 0 }, title: 'drawdown %', priceLineVisible: false }, 1);
      drawdown.setData(points.map(function (p) { return { time: p.time, value: p.drawdown }; }));
      holder.series.push(equity, drawdown);
      holder.chart.timeScale().fitContent();
      $('equity-legend').textContent = curve.account + ': max drawdown ' + num(Number(curve.maxDrawdown) * 100, 2) + '%, ' + curve.points.length + ' points';
    });
  }

  function loadOrders() {
    return Promise.all([get('/api/orders?status=active&pageSize=200'), get('/api/fills?pageSize=200&from=' + encodeURIComponent(new Date(state.serverNow - 7 * 86400000).toISOString()))]).then(function (r) {
      fill($('orders').tBodies[0], r[0].items.map(function (o) {
        var cancel = el('button', { type: 'button', class: 'ghost', text: 'Cancel' });
        cancel.addEventListener('click', function () {
          if (!window.confirm('Cancel ' + o.side + ' ' + o.amount + ' ' + o.symbol + '?')) return;
          api('/api/orders/' + encodeURIComponent(o.venue) + '/' + encodeURIComponent(o.orderId) + '/cancel', { method: 'POST' })
            .then(function (res) { showError(res.data.message); }).catch(showError);
        });
        return el('tr', { 'data-order': o.orderId }, [cell(time(o.createdAt)), cell(o.symbol), cell(o.side, o.side), cell(num(o.amount), 'num'), cell(num(o.filled), 'num'), cell(o.state),
          el('td', {}, o.state === 'open' || o.state === 'partially-filled' ? [cancel] : [])]);
      }), 'No open orders.', 7);
      var fills = r[1].items.slice().sort(function (a, b) { return Date.parse(b.executedAt) - Date.parse(a.executedAt); }).slice(0, 50);
      fill($('fills').tBodies[0], fills.map(function (f) {
        return el('tr', { 'data-fill': f.tradeId }, [cell(time(f.executedAt)), cell(f.account), cell(f.symbol), cell(f.side, f.side), cell(num(f.amount), 'num'), cell(num(f.price), 'num'),
          cell(num(f.feeCost) + ' ' + (f.feeCurrency || ''), 'num')]);
      }), 'No fills in the last 7 days.', 7);
    });
  }

  function loadSignals() {
    return Promise.all([get('/api/signals?pageSize=200'), get('/api/risk/decisions?approved=false&pageSize=200')]).then(function (r) {
      var signals = r[0].items.slice().sort(function (a, b) { return Date.parse(b.candleTime) - Date.parse(a.candleTime); }).slice(0, 50);
      fill($('signals').tBodies[0], signals.map(function (s) {
        var d = s.decision;
        return el('tr', {}, [cell(time(s.candleTime)), cell(s.strategyId), cell(s.symbol), cell(s.target),
          cell(d ? (d.approved ? 'approved' : d.code) : 'pending', d ? (d.approved ? 'approved' : 'rejected') : '')]);
      }), 'No signals in the last 7 days.', 5);
      var rejections = r[1].items.slice().sort(function (a, b) { return Date.parse(b.decidedAt) - Date.parse(a.decidedAt); }).slice(0, 50);
      fill($('rejections').tBodies[0], rejections.map(function (d) {
        return el('tr', {}, [cell(time(d.decidedAt)), cell(d.strategyId), cell(d.symbol), cell(d.code, 'rejected'), cell(d.message)]);
      }), 'No rejections in the last 7 days.', 5);
    });
  }

  function loadRisk() {
    return get('/api/risk').then(function (risk) {
      var halted = risk.accounts.filter(function (a) { return a.killSwitchEngaged; });
      $('halted').hidden = halted.length === 0;
      $('halted').textContent = halted.length ? 'HALTED: ' + halted.map(function (a) { return a.account; }).join(', ') : '';
      $('resume').hidden = halted.length === 0;
      document.body.setAttribute('data-halted', String(halted.length > 0));
    });
  }

  // ---- kill switch -------------------------------------------------------------------------------------------
  function setupKillSwitch() {
    $('kill').addEventListener('click', function () { $('kill-message').value = ''; $('kill-flatten').checked = false; $('kill-dialog').showModal(); });
    $('kill-dialog').addEventListener('close', function () {
      if ($('kill-dialog').returnValue !== 'confirm') return;
      api('/api/risk/halt', { method: 'POST', json: { message: $('kill-message').value || 'halted from the dashboard', flatten: $('kill-flatten').checked } })
        .then(loadRisk).catch(showError);
    });
    $('resume').addEventListener('click', function () {
      if (!window.confirm('Resume trading on every halted account?')) return;
      api('/api/risk/resume', { method: 'POST', json: { message: 'resumed from the dashboard', reason: 'kill-switch' } }).then(loadRisk).catch(showError);
    });
  }

  // ---- backtests ---------------------------------------------------------------------------------------------
  function setupBacktests() {
    $('backtest-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var m = $('bt-market').value.split('|');
      var parameters = {};
      var bad = null;
      $('bt-params').value.split(',').map(function (p) { return p.trim(); }).filter(Boolean).forEach(function (p) {
        var kv = p.split('=');
        if (kv.length !== 2 || !isFinite(Number(kv[1]))) bad = p; else parameters[kv[0].trim()] = Number(kv[1]);
      });
      if (bad) { $('bt-status').textContent = 'Parameter "' + bad + '" is not name=number.'; return; }
      $('bt-status').textContent = 'Running…';
      api('/api/backtests', { method: 'POST', json: {
        strategy: $('bt-strategy').value, venue: m[0], symbol: m[1], timeframe: m[2], parameters: parameters,
        settings: { cash: $('bt-cash').value, commission: $('bt-commission').value, quantityStep: $('bt-step').value },
      } }).then(function (r) { showBacktest(r.data); }).catch(function (e) { $('bt-status').textContent = e.message; });
    });
  }

  function showBacktest(run) {
    $('bt-status').textContent = run.strategy + ' (' + run.parameters + ') on ' + run.source + ', ' + run.bars + ' bars';
    var stats = run.statistics || {};
    var shown = ['returnPct', 'buyHoldReturnPct', 'maxDrawdownPct', 'sharpe', 'trades', 'winRatePct', 'equityFinal'];
    $('bt-stats').replaceChildren.apply($('bt-stats'), shown.filter(function (k) { return k in stats; }).map(function (k) {
      return el('div', {}, [el('b', { text: k }), num(stats[k], 2)]);
    }));
    api(run.reportUrl).then(function (r) {
      var link = $('bt-download');
      if (link.href.indexOf('blob:') === 0) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([r.data], { type: 'text/html' }));
      link.download = run.id + '.html';
      link.hidden = false;
    }).catch(showError);
    // The report is its own page with its own Content-Security-Policy, sandboxed (no access to this page or its key).
    var frame = $('bt-report');
    frame.src = run.reportUrl + '?code=' + encodeURIComponent(key());
    frame.hidden = false;
    frame.setAttribute('data-backtest', run.id);
  }

  // ---- live updates ------------------------------------------------------------------------------------------
  var pending = {};
  function schedule(what) {
    pending[what] = true;
    clearTimeout(state.timers.refresh);
    state.timers.refresh = setTimeout(function () {
      var work = pending; pending = {};
      if (work.chart) loadChart().catch(showError);
      if (work.portfolio) loadPortfolio().catch(showError);
      if (work.orders) loadOrders().catch(showError);
      if (work.signals) loadSignals().catch(showError);
      if (work.risk) loadRisk().catch(showError);
      if (work.strategies) loadStrategies().catch(showError);
    }, 400);
  }

  var routes = { candle: ['chart', 'portfolio'], signal: ['signals'], risk: ['signals', 'risk'], order: ['orders'], fill: ['orders', 'chart', 'portfolio'], position: ['portfolio'], strategy: ['strategies'] };

  function connect() {
    if (!key()) return;
    var controller = new AbortController();
    state.stream = controller;
    var lastId = state.lastEventId;
    var ready = false;
    var fallback = setTimeout(function () { if (!ready) { controller.abort(); polling('no live stream'); } }, 5000);
    var headers = { 'x-functions-key': key() || '', Accept: 'text/event-stream' };
    if (lastId) headers['Last-Event-ID'] = lastId;
    fetch('/api/events', { headers: headers, signal: controller.signal, cache: 'no-store' }).then(function (response) {
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          var parts = buffer.split('\n\n');
          buffer = parts.pop();
          parts.forEach(function (block) {
            var event = 'message', id = null;
            block.split('\n').forEach(function (line) {
              if (line.indexOf('event: ') === 0) event = line.slice(7);
              else if (line.indexOf('id: ') === 0) id = line.slice(4);
            });
            if (id) state.lastEventId = id;
            if (event === 'ready') { ready = true; clearTimeout(fallback); setLive(true); }
            (routes[event] || []).forEach(schedule);
          });
          return pump();
        });
      }
      return pump();
    }).catch(function () { /* aborted or failed: handled below */ }).then(function () {
      clearTimeout(fallback);
      // Signed out, or a newer stream took over (signed in again): this one does not reconnect.
      if (!key() || state.stream !== controller) return;
      if (ready) { setTimeout(connect, 1000); } else { polling('live stream unavailable'); }
    });
  }

  function setLive(live) {
    state.live = live;
    $('live').textContent = live ? 'live' : 'polling';
    $('live').className = 'pill' + (live ? ' ok' : '');
  }

  function polling(reason) {
    if (state.timers.poll) return;
    setLive(false);
    $('live').title = reason;
    state.timers.poll = setInterval(function () { ['chart', 'portfolio', 'orders', 'signals', 'risk'].forEach(schedule); }, 10000);
    state.timers.pollEnd = setTimeout(function () { clearInterval(state.timers.poll); state.timers.poll = null; connect(); }, 60000);
  }

  // ---- start -------------------------------------------------------------------------------------------------
  function signOut(message) {
    sessionStorage.removeItem(KEY);
    // Signed in with Entra ID (App Service authentication): signing out is the platform's.
    if (state.auth === 'app-service') { window.location.assign('/.auth/logout?post_logout_redirect_uri=/'); return; }
    // A signed-out page neither listens nor refreshes (its requests would carry no key and be refused).
    if (state.stream) { state.stream.abort(); state.stream = null; }
    Object.keys(state.timers).forEach(function (t) { clearTimeout(state.timers[t]); clearInterval(state.timers[t]); });
    state.timers = {};
    document.body.removeAttribute('data-loaded');
    $('app').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function start() {
    $('login').hidden = true;
    $('app').hidden = false;
    // Windows ("the last 7 days") are measured on the server's clock, not this device's.
    get('/api/health').then(function (health) { state.serverNow = Date.parse(health.time); })
      .then(loadStrategies).then(function () { return Promise.all([loadChart(), loadPortfolio(), loadOrders(), loadSignals(), loadRisk()]); })
      .then(function () { document.body.setAttribute('data-loaded', 'true'); })
      .catch(showError);
    connect();
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem(KEY, $('login-key').value.trim());
      get('/api/risk').then(start).catch(function (e) { if (e.message !== 'unauthorized') $('login-error').textContent = e.message; });
    });
    $('logout').addEventListener('click', function () { signOut(''); });
    $('market').addEventListener('change', function () { refreshOverlayChoices(); loadChart().catch(showError); });
    $('overlay').addEventListener('change', function () { loadChart().catch(showError); });
    $('account').addEventListener('change', function () { loadEquity().catch(showError); });
    setupKillSwitch();
    setupBacktests();
    // The DevHost prints the dashboard's address with the key as ?code=: sign in with it, then drop it from the
    // address bar and the history entry (the key lives in this tab's sessionStorage only).
    var query = new URLSearchParams(window.location.search);
    if (query.get('code')) {
      sessionStorage.setItem(KEY, query.get('code'));
      query.delete('code');
      var rest = query.toString();
      history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
    }
    if (key()) { start(); return; }
    // With Entra ID sign-in the platform has signed the browser in and there is no key to ask for.
    fetch('/api/health', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; })
      .then(function (health) {
        state.auth = health.auth;
        if (state.auth === 'app-service') start(); else signOut('');
      });
  });
})();
