/* The dot vote page: a delegate's phone. Plain script, no framework, no build step.
 *
 * The phone keeps its whole ballot ({group id: dots}) with a number that rises at each
 * tap, in localStorage until the server has committed it; the server keeps a ballot only
 * if its number is higher than the one it has, so a replay or a late retry changes nothing.
 * Taps close together go as one ballot. Text is only ever set with textContent.
 * The device id is the scribe page's: localStorage "facilitator.device", cookie
 * facilitator_device (plain http: no crypto.randomUUID, no Secure cookie).
 */
(function () {
  "use strict";

  var POLL_OPEN = 3000;
  var POLL_IDLE = 5000;
  var RETRY_FIRST = 1000;
  var RETRY_MOST = 30000;
  var SEND_AFTER = 300;

  var token = decodeURIComponent(location.pathname.split("/")[2] || "");
  var api = "/api/j/" + encodeURIComponent(token) + "/dots";
  var ballotKey = "facilitator.dots." + token;

  var R = window.FacilitatorRoom; // common.js: storage, the device id, elements
  var $ = R.$;
  var el = R.el;
  var readStore = R.read;
  var writeStore = R.write;
  var device = R.deviceId();

  var state = null; // the server's last answer
  var pending = loadPending(); // {vote, seq, dots} not yet acknowledged, or null
  var sendTimer = null;
  var pollTimer = null;
  var sending = false;
  var tries = 0;
  var offline = false;

  function loadPending() {
    try {
      var value = JSON.parse(readStore(ballotKey) || "null");
      return value && typeof value === "object" && value.dots ? value : null;
    } catch (e) { return null; }
  }
  function savePending() { writeStore(ballotKey, JSON.stringify(pending)); }

  function mine() {
    if (!state || !state.vote) return {};
    if (pending && pending.vote === state.vote.id) return pending.dots;
    return (state.mine && state.mine.dots) || {};
  }
  function used(dots) {
    var n = 0;
    for (var k in dots) if (Object.prototype.hasOwnProperty.call(dots, k)) n += dots[k];
    return n;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function say(text) { $("announce").textContent = text; }

  function problem(text) {
    var p = $("problem");
    p.textContent = text || "";
    p.hidden = !text;
  }

  // -- the ballot ---------------------------------------------------------------------------

  function change(group, step) {
    if (!state || !state.vote || !state.vote.open) return;
    var dots = {};
    var now = mine();
    for (var k in now) if (Object.prototype.hasOwnProperty.call(now, k)) dots[k] = now[k];
    var next = (dots[group.id] || 0) + step;
    if (next < 0 || next > state.vote.per_group) return;
    if (step > 0 && used(dots) >= state.vote.budget) return;
    dots[group.id] = next;
    if (!next) delete dots[group.id];
    var seq = Math.max(pending && pending.vote === state.vote.id ? pending.seq : 0,
      (state.mine && state.mine.seq) || 0) + 1;
    pending = { vote: state.vote.id, seq: seq, dots: dots };
    savePending();
    problem("");
    render();
    say(plural(next, "dot", "dots") + " on " + group.name + "; " +
      plural(state.vote.budget - used(dots), "dot", "dots") + " left");
    clearTimeout(sendTimer);
    sendTimer = setTimeout(send, SEND_AFTER);
  }

  function send() {
    clearTimeout(sendTimer);
    if (sending || !pending) return;
    sending = true;
    var ballot = pending;
    fetch(api, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ vote: ballot.vote, device: device, seq: ballot.seq, dots: ballot.dots }),
      cache: "no-store",
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        sending = false;
        setOffline(false);
        if (response.ok) {
          tries = 0;
          if (state && answer.mine) state.mine = answer.mine;
          if (pending && answer.mine && answer.mine.seq >= pending.seq) {
            pending = null;
            savePending();
          }
          render();
          if (pending) send();
          return;
        }
        if (response.status === 429) {
          sendTimer = setTimeout(send, Math.ceil((answer.retry_after || 1) * 1000));
          return;
        }
        // refused (closed, over the budget, a vote that is gone): the server's dots stand
        pending = null;
        savePending();
        problem(answer.error || "Your dots were not taken.");
        poll();
      });
    }).catch(function () {
      sending = false;
      tries += 1;
      setOffline(true);
      sendTimer = setTimeout(send, Math.min(RETRY_MOST, RETRY_FIRST * Math.pow(2, tries - 1)));
    });
  }

  // -- reading the vote ---------------------------------------------------------------------

  function poll() {
    clearTimeout(pollTimer);
    fetch(api + "?device=" + encodeURIComponent(device), { cache: "no-store" })
      .then(function (response) {
        if (response.status === 404) {
          return response.json().then(function (answer) {
            problem(answer.error || "This link is no longer valid.");
            setOffline(false);
          });
        }
        return response.json().then(function (answer) {
          state = answer;
          setOffline(false);
          if (pending && (!state.vote || pending.vote !== state.vote.id || !state.vote.open)) {
            pending = null; // a ballot for a vote that closed or went: nothing to send
            savePending();
          }
          render();
          pollTimer = setTimeout(poll, state.vote && state.vote.open ? POLL_OPEN : POLL_IDLE);
        });
      })
      .catch(function () {
        setOffline(true);
        pollTimer = setTimeout(poll, POLL_IDLE);
      });
  }

  function setOffline(value) {
    offline = value;
    document.body.classList.toggle("is-offline", value);
    $("net-text").textContent = value ? "Offline" : "Connected";
    var box = $("offline");
    box.hidden = !value;
    box.textContent = value ? "No connection to the room. Your dots are kept and sent when it is back." : "";
  }

  // -- drawing ------------------------------------------------------------------------------

  function render() {
    if (!state) return;
    $("title").textContent = state.title || "Dot vote";
    var vote = state.vote;
    $("waiting").hidden = !!vote;
    $("vote").hidden = !vote || !vote.open;
    $("results").hidden = !vote || vote.open;
    if (!vote) {
      $("budget").textContent = "Waiting for the dot vote";
      return;
    }
    var dots = mine();
    var left = vote.budget - used(dots);
    if (vote.open) {
      $("budget").textContent = plural(left, "dot", "dots") + " left of " + vote.budget +
        " · at most " + vote.per_group + " on one group" + (pending ? " · sending…" : " · saved");
      drawGroups(vote, dots, left);
    } else {
      $("budget").textContent = "The dot vote has closed.";
      drawRanking();
    }
  }

  function drawGroups(vote, dots, left) {
    var list = $("groups");
    var focused = document.activeElement && document.activeElement.id;
    list.textContent = "";
    state.groups.forEach(function (group, n) {
      var have = dots[group.id] || 0;
      var item = el("li", "group");
      var heading = el("h3", null, group.name);
      heading.id = "group-" + n;
      item.appendChild(heading);
      item.appendChild(el("p", "tables", "Said at " + group.tables));
      if (group.entries.length) {
        var said = el("ul", "said");
        group.entries.forEach(function (text) { said.appendChild(el("li", null, text)); });
        item.appendChild(said);
      }
      if (group.more) item.appendChild(el("p", "more", "and " + plural(group.more, "more", "more")));
      var row = el("div", "dots-row");
      var less = el("button", "step take", "−");
      less.type = "button";
      less.id = "take-" + n;
      less.setAttribute("aria-label", "Take a dot from " + group.name);
      less.disabled = have === 0;
      less.addEventListener("click", function () { change(group, -1); });
      var count = el("p", "dots");
      count.appendChild(el("span", "pips", "●".repeat(have) + "○".repeat(vote.per_group - have)));
      count.appendChild(document.createTextNode(" " + plural(have, "dot", "dots")));
      var more = el("button", "step add", "+");
      more.type = "button";
      more.id = "add-" + n;
      more.setAttribute("aria-label", "Put a dot on " + group.name);
      more.disabled = have >= vote.per_group || left <= 0;
      more.addEventListener("click", function () { change(group, 1); });
      row.appendChild(less);
      row.appendChild(count);
      row.appendChild(more);
      item.appendChild(row);
      list.appendChild(item);
    });
    if (focused && $(focused)) $(focused).focus();
  }

  function drawRanking() {
    var list = $("ranking");
    list.textContent = "";
    (state.ranking || []).forEach(function (group) {
      var item = el("li");
      item.appendChild(el("span", "name", group.name));
      item.appendChild(el("span", "count", plural(group.dots, "dot", "dots")));
      list.appendChild(item);
    });
  }

  window.addEventListener("online", function () { send(); poll(); });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) poll();
  });
  poll();
  if (pending) send();
})();
