/* What the room's phone pages share: the device id, the browser's storage, the outbox that
 * delivers every contribution once, and the live connection that reconnects by itself.
 * Plain script, no framework, no build step; loaded before the page's own script.
 *
 * Plain http on a local network is not a secure context: no crypto.randomUUID, no service
 * worker, no Secure cookie. Text is only ever set with textContent: nothing a phone or the
 * laptop sends is read as markup.
 */
(function () {
  "use strict";

  var RETRY_FIRST = 1000;
  var RETRY_MOST = 30000;
  var PING_EVERY = 5000;
  var SILENT_FOR = 10000;

  var R = {};

  R.$ = function (id) { return document.getElementById(id); };
  R.el = function (tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  R.button = function (text, cls, onClick) {
    var b = R.el("button", "btn " + cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  };
  R.token = function () { return decodeURIComponent(location.pathname.split("/")[2] || ""); };

  // The live round and its prompts, in the header every page has.
  R.renderRound = function (round) {
    R.$("round-title").textContent = round
      ? "Round " + round.number + (round.title ? " · " + round.title : "")
      : "Waiting for the next round";
    var prompts = R.$("prompts");
    prompts.textContent = "";
    ((round && round.prompts) || []).forEach(function (p) { prompts.appendChild(R.el("li", "", p)); });
  };

  // -- ids and storage ---------------------------------------------------------------------

  R.uuid4 = function () {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = "";
    for (var i = 0; i < 16; i++) {
      h += (b[i] + 0x100).toString(16).slice(1);
      if (i === 3 || i === 5 || i === 7 || i === 9) h += "-";
    }
    return h;
  };

  R.read = function (key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  };
  R.write = function (key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: memory only */ }
  };
  R.readJSON = function (key, fallback) {
    try {
      var value = JSON.parse(R.read(key) || "null");
      return value === null ? fallback : value;
    } catch (e) { return fallback; }
  };

  // One id per browser, in storage and in a cookie (either survives the other being
  // cleared); a phone that clears both counts as a new device.
  R.deviceId = function () {
    var id = R.read("facilitator.device");
    if (!id) {
      var m = /(?:^|;\s*)facilitator_device=([0-9a-f-]{36})/.exec(document.cookie);
      id = m ? m[1] : R.uuid4();
    }
    R.write("facilitator.device", id);
    document.cookie = "facilitator_device=" + id + "; Path=/; Max-Age=31536000; SameSite=Lax";
    return id;
  };

  R.backoff = function (tries) {
    return Math.min(RETRY_MOST, RETRY_FIRST * Math.pow(2, Math.max(0, tries - 1)));
  };

  R.announce = function (text) {
    var node = R.$("announce");
    node.textContent = "";
    setTimeout(function () { node.textContent = text; }, 50);
  };

  // -- the outbox --------------------------------------------------------------------------

  /* Nothing lost, nothing twice: each item waits in localStorage until the server has
   * committed it (200); it is retried with backoff, and at once when the network comes
   * back. One request at a time, in order: a change never overtakes what it changes.
   * o: {key, path(item), body(item), sent(item, answer), refused(item, message, status):
   * true to keep the item in sight as failed, words(status), busy, changed()} */
  R.Outbox = function (o) {
    var self = this;
    var timer = null;
    var inFlight = null;
    this.items = R.readJSON(o.key, []);
    if (!Array.isArray(this.items)) this.items = [];
    this.fetchFailed = false;

    function save() { R.write(o.key, JSON.stringify(self.items)); }
    function schedule(ms) { clearTimeout(timer); timer = setTimeout(self.flush, ms); }

    this.waiting = function () { return self.items.filter(function (i) { return !i.failed; }); };

    this.queue = function (item) {
      item.tries = 0;
      item.error = "";
      self.items.push(item);
      save();
      o.changed();
      self.flush();
    };

    // Waiting items ``same(item)`` says are superseded go (not the one on its way).
    this.supersede = function (same) {
      self.items = self.items.filter(function (i) { return i === inFlight || !same(i); });
      save();
    };

    this.drop = function (item) {
      self.items = self.items.filter(function (i) { return i !== item; });
      save();
    };

    this.flush = function () {
      clearTimeout(timer);
      if (inFlight) return;
      var item = self.waiting()[0];
      if (!item) return;
      inFlight = item;
      fetch(o.path(item), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(o.body(item)),
        cache: "no-store",
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          self.fetchFailed = false;
          settle(item, response.status, answer);
        });
      }, function () {
        inFlight = null;
        self.fetchFailed = true;
        item.tries += 1;
        item.error = "";
        save();
        o.changed();
        schedule(R.backoff(item.tries));
      });
    };

    function settle(item, status, answer) {
      inFlight = null;
      if (status === 200) {
        self.drop(item);
        o.sent(item, answer || {});
        o.changed();
        self.flush();
        return;
      }
      var reason = (answer && answer.error) || "";
      item.tries += 1;
      if (status === 429) {
        var after = Math.max(1, Number(answer && answer.retry_after) || 1);
        item.error = o.busy + ": trying again in " + Math.ceil(after) + " s";
        save();
        o.changed();
        schedule(after * 1000);
        return;
      }
      if (status >= 400 && status < 500) {
        var message = "Not saved: " + (reason || o.words(status));
        if (o.refused(item, message, status)) {
          item.failed = true; // kept in sight until the person removes it
          item.error = message;
          save();
        } else {
          self.drop(item);
        }
        o.changed();
        self.flush();
        return;
      }
      // 5xx or anything unexpected: the laptop may be busy; keep it and try again
      item.error = "The laptop did not save it yet (" + (reason || status) + "): trying again";
      save();
      o.changed();
      schedule(R.backoff(item.tries));
    }

    // Items left by an earlier visit are tried again at once; failed ones stay in sight.
    this.restart = function () {
      self.items.forEach(function (i) { if (!i.failed) i.tries = 0; });
      self.flush();
    };
  };

  // -- the live connection -----------------------------------------------------------------

  /* A WebSocket that brings the page's state, noticed dead within 15 s (a ping every 5 s,
   * silence for 10 s: a phone leaving the wifi never gets a close) and reopened with
   * backoff, at once when the network or the page comes back; the server sends the whole
   * state on each (re)connection.
   * The state is also fetched once over http at the start: the page shows it even
   * before the socket opens.
   * A close with code 4404 means the link was renewed: the page stops trying (o.gone).
   * o: {url() -> path, state -> path, message(data), alive(bool), back(), gone()} */
  R.Live = function (o) {
    var self = this;
    var ws = null;
    var lastHeard = 0;
    var tries = 0;
    var timer = null;
    this.alive = false;

    function setAlive(value) {
      if (self.alive === value) return;
      self.alive = value;
      o.alive(value);
    }

    function connect() {
      clearTimeout(timer);
      if (ws) { var old = ws; ws = null; try { old.close(); } catch (e) { /* closed */ } }
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + location.host + o.url());
      ws = socket;
      socket.onopen = function () {
        if (ws !== socket) return;
        tries = 0;
        lastHeard = Date.now();
        setAlive(true);
      };
      socket.onmessage = function (event) {
        if (ws !== socket) return;
        lastHeard = Date.now();
        setAlive(true);
        var message;
        try { message = JSON.parse(event.data); } catch (e) { return; }
        if (message && typeof message === "object") o.message(message);
      };
      socket.onclose = function (event) {
        if (ws !== socket) return;
        if (event.code === 4404) { // the link was renewed: no use trying again
          ws = null;
          self.alive = false;
          self.gone = true;
          o.gone();
          return;
        }
        lost();
      };
    }

    function lost() {
      if (ws) { var old = ws; ws = null; try { old.close(); } catch (e) { /* closed */ } }
      self.alive = false;
      o.alive(false);
      tries += 1;
      timer = setTimeout(connect, tries === 1 ? 300 : R.backoff(tries - 1));
    }

    function watch() {
      if (self.gone) return;
      if (ws && ws.readyState === 1) {
        if (Date.now() - lastHeard > SILENT_FOR) { lost(); return; }
        try { ws.send(JSON.stringify({ type: "ping" })); } catch (e) { /* closing */ }
      }
    }

    function back() {
      if (self.gone) return;
      tries = 0;
      if (!self.alive) connect();
      o.back();
    }

    this.start = function () {
      window.addEventListener("online", back);
      window.addEventListener("offline", function () { o.alive(self.alive); });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") back();
      });
      setInterval(watch, PING_EVERY);
      setInterval(function () {
        if (self.alive && Date.now() - lastHeard > SILENT_FOR) lost();
      }, 1000);
      connect();
      fetch(o.state, { cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (state) { if (state) o.message(Object.assign({ type: "state", first: true }, state)); })
        .catch(function () { /* the WebSocket brings the state when it can */ });
    };
  };

  // The connection line and the offline banner, the same on every page; ``waiting(n)``
  // says in the page's own words what is waiting to be sent.
  R.showNet = function (live, outbox, waiting) {
    if (live.gone) return; // the link was renewed: the banner says so, and stays
    var offline = !live.alive || outbox.fetchFailed || navigator.onLine === false;
    var n = outbox.waiting().length;
    document.body.classList.toggle("is-offline", offline);
    R.$("net-text").textContent = offline ? "Offline" : "Connected";
    var banner = R.$("offline");
    banner.hidden = !offline;
    banner.textContent = offline ? "Offline — " + (n ? waiting(n) : "reconnecting…") : "";
  };

  window.FacilitatorRoom = R;
})();
