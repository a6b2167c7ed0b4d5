/* The scribe's page: one table's phone. Plain script, no framework, no build step.
 *
 * Nothing lost, nothing twice: every entry gets its id here and waits in the outbox
 * (common.js) until the server has committed it; the server stores an id once, so a
 * replay is harmless. Text is only ever set with textContent: nothing typed is read as
 * markup.
 */
(function () {
  "use strict";

  var R = window.FacilitatorRoom;
  var $ = R.$;
  var el = R.el;
  var button = R.button;
  var announce = R.announce;

  var KIND_NAMES = { theme: "Theme", quote: "Quote", question: "Question", action: "Action" };

  var token = R.token();
  var api = "/api/t/" + encodeURIComponent(token);
  var device = R.deviceId();

  // -- state -------------------------------------------------------------------------------

  var snapshot = null; // the server's last state push
  var sent = {}; // ids acknowledged on this page: shown as "Sent"
  var undoable = {}; // ids this page deleted: shown with Undo
  var problems = {}; // id -> why a change to that entry was refused
  var shown = {}; // ids already on screen: only new ones arrive with a movement
  var editing = null; // id of the entry being edited in place

  // -- the outbox: entries and changes, each {id, op, kind, text, cards} --------------------

  var outbox = new R.Outbox({
    key: "facilitator.outbox." + token,
    busy: "Too many entries at once",
    path: function (item) {
      if (item.op === "add") return api + "/entries";
      return api + "/entries/" + encodeURIComponent(item.id) + "/" + item.op;
    },
    body: bodyFor,
    sent: function (item, answer) {
      delete problems[item.id];
      if (item.op === "add") { sent[item.id] = true; announce("Sent"); }
      if (answer.entry) merge(answer.entry);
    },
    // a refused entry stays in sight with its text until the scribe removes it
    refused: function (item, message) {
      if (item.op === "add") return true;
      problems[item.id] = message;
      return false;
    },
    words: words,
    changed: render,
  });

  function queue(item) { outbox.queue(item); }

  function bodyFor(item) {
    if (item.op === "add") {
      return { id: item.id, kind: item.kind, text: item.text, cards: item.cards || [], device: device };
    }
    if (item.op === "edit") {
      return { text: item.text, kind: item.kind, cards: item.cards || [], device: device };
    }
    return { device: device };
  }

  function words(status) {
    if (status === 404) return "this table link is no longer valid";
    if (status === 403) return "only the phone that wrote it can change it";
    if (status === 409) return "the room is closed";
    if (status === 413) return "it is too long";
    return "the laptop refused it (" + status + ")";
  }

  function merge(entry) {
    if (!snapshot || !entry || !entry.id) return;
    var list = snapshot.entries || (snapshot.entries = []);
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === entry.id) { list[i] = entry; return; }
    }
    list.unshift(entry);
  }

  // -- the live connection -----------------------------------------------------------------

  var live = new R.Live({
    url: function () { return api + "/ws?device=" + encodeURIComponent(device); },
    state: api + "/state?device=" + encodeURIComponent(device),
    message: function (message) {
      if (message.type !== "state" || (message.first && snapshot)) return;
      snapshot = message;
      render();
    },
    alive: function (alive) {
      showNet();
      if (alive) outbox.flush();
    },
    back: function () { outbox.flush(); },
    gone: function () {
      document.body.classList.add("is-offline");
      $("net-text").textContent = "Link renewed";
      var banner = $("offline");
      banner.textContent = "This link is no longer valid: ask the facilitator for the table's new card.";
      banner.hidden = false;
    },
  });

  // -- what is shown -----------------------------------------------------------------------

  function showNet() {
    R.showNet(live, outbox, function (n) {
      return n === 1 ? "1 entry waiting, it will be sent when the network is back"
        : n + " entries waiting, they will be sent when the network is back";
    });
  }

  function renderHeader() {
    var table = snapshot.table || {};
    var label = "Table " + (table.number == null ? "" : table.number);
    if (table.name && table.name !== label) label += " · " + table.name;
    $("table").textContent = label;
    document.title = label + " — scribe";
    R.renderRound(snapshot.round);
  }

  function cardTitles(ids) {
    var byId = {};
    ((snapshot && snapshot.cards) || []).forEach(function (c) { byId[c.id] = c; });
    return (ids || []).map(function (id) { return byId[id]; }).filter(Boolean);
  }

  function entryRow(entry, status, pending) {
    var li = el("li", "entry kind-" + entry.kind + (shown[entry.id] ? "" : " new"));
    shown[entry.id] = true;
    li.dataset.id = entry.id;
    var head = el("div", "entry-head");
    head.appendChild(el("span", "badge", KIND_NAMES[entry.kind] || entry.kind));
    if (status) head.appendChild(el("span", "state " + status.cls, status.text));
    li.appendChild(head);
    if (editing === entry.id) {
      li.appendChild(editor(entry));
      return li;
    }
    li.appendChild(el("p", "entry-text", entry.text));
    var cards = cardTitles(entry.cards);
    if (cards.length) {
      var chips = el("p", "chips");
      cards.forEach(function (c) { chips.appendChild(el("span", "chip", c.title)); });
      li.appendChild(chips);
    }
    if (entry.mine && !pending) {
      var actions = el("div", "actions");
      actions.appendChild(button("Edit", "ghost", function () { editing = entry.id; render(); focusEditor(); }));
      actions.appendChild(button("Delete", "ghost", function () {
        undoable[entry.id] = true;
        queue({ id: entry.id, op: "delete" });
      }));
      li.appendChild(actions);
    }
    return li;
  }

  function editor(entry) {
    var box = el("div", "edit");
    var label = el("label", "visually-hidden", "Edit entry");
    label.htmlFor = "edit-text";
    var area = el("textarea");
    area.id = "edit-text";
    area.maxLength = 2000;
    area.rows = 3;
    area.value = entry.text;
    box.appendChild(label);
    box.appendChild(area);
    var actions = el("div", "actions");
    actions.appendChild(button("Cancel", "ghost", function () { editing = null; render(); }));
    actions.appendChild(button("Save", "primary", function () {
      var text = area.value.trim();
      if (!text) return;
      var item = { id: entry.id, op: "edit", kind: entry.kind, text: text, cards: cardsIn(text) };
      var over = overBy(item);
      sayTooLong(over);
      if (over) { area.focus(); return; }
      editing = null;
      queue(item);
    }));
    box.appendChild(actions);
    return box;
  }

  function focusEditor() {
    var area = $("edit-text");
    if (area) { area.focus(); area.setSelectionRange(area.value.length, area.value.length); }
  }

  function deletedRow(entry) {
    var li = el("li", "entry deleted");
    li.dataset.id = entry.id;
    li.appendChild(el("p", "entry-text", "Entry deleted."));
    var actions = el("div", "actions");
    actions.appendChild(button("Undo", "primary", function () {
      delete undoable[entry.id];
      queue({ id: entry.id, op: "restore" });
    }));
    li.appendChild(actions);
    return li;
  }

  function statusOf(item) {
    if (item.failed) return { cls: "failed", text: item.error };
    if (item.error) return { cls: "waiting", text: item.error };
    return { cls: "waiting", text: "Sending…" };
  }

  function render() {
    showNet();
    if (!snapshot) return;
    renderHeader();
    var list = $("entries");
    var rows = [];
    var pendingById = {};
    outbox.items.forEach(function (item) { if (item.op !== "add") pendingById[item.id] = item; });
    var known = {};
    (snapshot.entries || []).forEach(function (e) { known[e.id] = true; });
    // entries not yet on the server: newest first, above the server's
    outbox.items.slice().reverse().forEach(function (item) {
      if (item.op !== "add" || known[item.id]) return;
      var entry = { id: item.id, kind: item.kind, text: item.text, cards: item.cards, mine: true };
      var row = entryRow(entry, statusOf(item), true);
      if (item.failed) {
        var actions = el("div", "actions");
        actions.appendChild(button("Remove", "ghost", function () { outbox.drop(item); render(); }));
        row.appendChild(actions);
      }
      rows.push(row);
    });
    (snapshot.entries || []).forEach(function (entry) {
      var pending = pendingById[entry.id];
      var deleted = pending && pending.op !== "edit" ? pending.op === "delete" : entry.deleted;
      if (deleted) {
        if (undoable[entry.id]) rows.push(deletedRow(entry));
        return;
      }
      if (pending && pending.op === "edit") entry = Object.assign({}, entry, { text: pending.text });
      var status = pending ? statusOf(pending)
        : problems[entry.id] ? { cls: "failed", text: problems[entry.id] }
        : sent[entry.id] ? { cls: "sent", text: "Sent" } : null;
      rows.push(entryRow(entry, status, !!pending));
    });
    var keepFocus = editing && document.activeElement && document.activeElement.id === "edit-text";
    var draft = keepFocus ? document.activeElement.value : null;
    list.textContent = "";
    rows.forEach(function (r) { list.appendChild(r); });
    $("empty").hidden = rows.length > 0;
    if (keepFocus && $("edit-text")) { $("edit-text").value = draft; focusEditor(); }
  }

  // -- card suggestions --------------------------------------------------------------------

  function slug(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^0-9a-z]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function tagAt(text, cursor) {
    var start = cursor;
    while (start > 0 && !/\s/.test(text[start - 1]) && text[start - 1] !== "#") start--;
    if (start === 0 || text[start - 1] !== "#") return null;
    return { at: start - 1, word: text.slice(start, cursor) };
  }

  function suggestions(word) {
    var key = slug(word);
    var ranked = [];
    ((snapshot && snapshot.cards) || []).forEach(function (card, position) {
      var title = slug(card.title);
      var rank = !key || title.indexOf(key) === 0 ? 0
        : slug(card.id).indexOf(key) === 0 ? 1
        : title.split("-").some(function (w) { return w.indexOf(key) === 0; }) ? 2
        : title.replace(/-/g, "").indexOf(key) >= 0 ? 3 : -1;
      if (rank >= 0) ranked.push([rank, position, card]);
    });
    ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return ranked.slice(0, 6).map(function (r) { return r[2]; });
  }

  // As the laptop's capture box does (core/capture.py TagIndex): a tag names a card by its
  // id or its title, any case, any punctuation; an exact id wins over another card's title.
  var TRAILING = ".,;:!?)]}\"'”’»›…";
  function cardsIn(text) {
    var index = {};
    var cards = (snapshot && snapshot.cards) || [];
    cards.forEach(function (c) {
      [slug(c.title), slug(c.id)].forEach(function (k) { if (k && !(k in index)) index[k] = c.id; });
    });
    cards.forEach(function (c) { if (slug(c.id)) index[slug(c.id)] = c.id; });
    var found = [];
    var re = /#([^\s#]+)/g;
    var m;
    while ((m = re.exec(text))) {
      var word = m[1];
      while (word && TRAILING.indexOf(word[word.length - 1]) >= 0) word = word.slice(0, -1);
      var id = index[slug(word)];
      if (id && found.indexOf(id) < 0) found.push(id);
    }
    return found;
  }

  function tagWord(card) {
    return card.id && slug(card.id) === card.id ? card.id : slug(card.title) || card.id;
  }

  function suggest() {
    var box = $("suggest");
    var area = $("text");
    var tag = tagAt(area.value, area.selectionStart);
    box.textContent = "";
    var cards = tag ? suggestions(tag.word) : [];
    box.hidden = cards.length === 0;
    cards.forEach(function (card) {
      var option = el("button", "card-option");
      option.type = "button";
      var swatch = el("span", "swatch");
      if (/^#[0-9a-fA-F]{3,8}$/.test(card.colour || "")) swatch.style.background = card.colour;
      option.appendChild(swatch);
      option.appendChild(el("span", "", card.title));
      option.addEventListener("click", function () {
        var before = area.value.slice(0, tag.at);
        var after = area.value.slice(area.selectionStart);
        var insert = "#" + tagWord(card) + " ";
        area.value = before + insert + after.replace(/^\s+/, "");
        var caret = before.length + insert.length;
        area.focus();
        area.setSelectionRange(caret, caret);
        box.hidden = true;
      });
      box.appendChild(option);
    });
  }

  // -- the composer ------------------------------------------------------------------------

  // The laptop takes a request of at most 4 KB: 2,000 letters of a Latin script fit, but
  // letters of some scripts (and emoji) take 2-4 bytes each. Such a text stays in the box
  // with a word on how much to shorten, never sent to be refused.
  var MAX_BODY = 4096;

  function fits(item, text) {
    var body = bodyFor({ id: item.id, op: item.op, kind: item.kind, text: text, cards: item.cards });
    return new TextEncoder().encode(JSON.stringify(body)).length <= MAX_BODY;
  }

  // how many characters to take off the end so that it fits (0 if it does)
  function overBy(item) {
    if (fits(item, item.text)) return 0;
    var letters = Array.from(item.text);
    var lo = 1, hi = letters.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (fits(item, letters.slice(0, letters.length - mid).join(""))) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  function sayTooLong(over) {
    var note = $("too-long");
    note.hidden = !over;
    note.textContent = over ? "Too long to send: shorten it by about " + over + " characters." : "";
  }

  function send(event) {
    event.preventDefault();
    var area = $("text");
    var text = area.value.trim();
    if (!text) { area.focus(); return; }
    var kind = document.querySelector("input[name=kind]:checked").value;
    var item = { id: R.uuid4(), op: "add", kind: kind, text: text, cards: cardsIn(text) };
    var over = overBy(item);
    sayTooLong(over);
    if (over) { area.focus(); return; }
    area.value = "";
    $("suggest").hidden = true;
    queue(item);
    area.focus();
  }

  function start() {
    $("composer").addEventListener("submit", send);
    $("text").addEventListener("input", suggest);
    $("text").addEventListener("click", suggest);
    $("text").addEventListener("keydown", function (event) {
      if (event.key === "Escape") $("suggest").hidden = true;
    });
    showNet();
    live.start();
    outbox.restart();
  }

  start();
})();
