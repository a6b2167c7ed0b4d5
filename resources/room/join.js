/* The delegate's page (the join link): the event and the live round, pushed by the laptop;
 * the room's vote: one button per answer (a card's title in its suit's colour, "Read"
 * shows its front), a tap casts or changes the vote at once; and the feedback survey
 * (join-survey.js) when it is open. No name asked; the device id
 * (common.js) is all the room knows of a phone. Text is only ever set with textContent:
 * nothing is read as markup.
 */
(function () {
  "use strict";

  var R = window.FacilitatorRoom;
  var $ = R.$;
  var el = R.el;

  var token = R.token();
  var api = "/api/j/" + encodeURIComponent(token);
  var device = R.deviceId();
  var votesKey = "facilitator.votes." + token;
  var surveyKey = "facilitator.survey." + token;
  var answered = R.readJSON(surveyKey, {}); // question id -> the answer the laptop has
  var surveyProblems = {}; // question id -> why its last answer was refused
  var asksKey = "facilitator.asks." + token;
  var asked = R.readJSON(asksKey, []); // [{id, text, status}] this phone's questions
  var upvotedKey = "facilitator.upvoted." + token;
  var upvoted = R.readJSON(upvotedKey, {}); // question id -> true
  var snapshot = null; // the server's last state push
  var confirmed = R.readJSON(votesKey, {}); // vote id -> the answer the laptop has
  var reading = {}; // option ids whose front is open
  var problem = ""; // why the last tap was refused

  // -- the outbox: ballots {op: "vote", vote, answer}, answers {op: "survey", question, answer}

  var outbox = new R.Outbox({
    key: "facilitator.outbox.j." + token,
    busy: "Too many taps at once",
    path: function (item) {
      if (item.op === "question") return api + "/questions";
      if (item.op === "upvote") return api + "/questions/" + encodeURIComponent(item.question) + "/upvote";
      return api + (item.op === "survey" ? "/survey" : "/vote");
    },
    body: function (item) {
      if (item.op === "question") return { id: item.id, text: item.text, device: device };
      if (item.op === "upvote") return { device: device };
      if (item.op === "survey") return { question: item.question, answer: item.answer, device: device };
      return { vote: item.vote, answer: item.answer, device: device };
    },
    sent: function (item, answer) {
      if (item.op === "question") {
        asked.push({ id: item.id, text: item.text, status: answer.status || "waiting" });
        R.write(asksKey, JSON.stringify(asked));
        R.announce("Question sent to the facilitator");
        return;
      }
      if (item.op === "upvote") {
        upvoted[item.question] = true;
        R.write(upvotedKey, JSON.stringify(upvoted));
        return;
      }
      if (item.op === "survey") {
        answered[item.question] = item.answer;
        delete surveyProblems[item.question];
        R.write(surveyKey, JSON.stringify(answered));
        R.announce("Answer saved");
        return;
      }
      confirmed[item.vote] = item.answer;
      R.write(votesKey, JSON.stringify(confirmed));
      problem = "";
      R.announce("Vote saved");
    },
    refused: function (item, message) {
      if (item.op === "question") return true; // kept in sight with its text
      if (item.op === "upvote") return false;
      if (item.op === "survey") surveyProblems[item.question] = message;
      else problem = message;
      return false;
    },
    words: function (status) {
      if (status === 404) return "this link is no longer valid";
      if (status === 409) return "it is closed";
      return "the laptop refused it (" + status + ")";
    },
    changed: render,
  });

  function pendingFor(voteId) {
    var items = outbox.waiting().filter(function (i) { return i.op === "vote" && i.vote === voteId; });
    return items.length ? items[items.length - 1] : null;
  }

  function pendingAnswer(questionId) {
    var items = outbox.waiting().filter(function (i) { return i.op === "survey" && i.question === questionId; });
    return items.length ? items[items.length - 1] : null;
  }

  var survey = new R.SurveyView($("survey"), $("survey-questions"), {
    answer: function (q, value) {
      delete surveyProblems[q.id];
      outbox.supersede(function (i) { return i.op === "survey" && i.question === q.id; });
      outbox.queue({ id: R.uuid4(), op: "survey", question: q.id, answer: value });
    },
    mine: function (id) {
      var pending = pendingAnswer(id);
      return pending ? pending.answer : answered[id] || null;
    },
    status: function (id) {
      var pending = pendingAnswer(id);
      if (pending) return { cls: "waiting", text: pending.error || "Sending…" };
      if (surveyProblems[id]) return { cls: "failed", text: surveyProblems[id] };
      if (answered[id]) return { cls: "sent", text: "Saved" };
      return null;
    },
  });

  function mineFor(voteId) {
    var pending = pendingFor(voteId);
    return pending ? pending.answer : confirmed[voteId] || null;
  }

  function tap(vote, option) {
    if (!vote.open) return;
    problem = "";
    outbox.supersede(function (i) { return i.op === "vote" && i.vote === vote.id; }); // the last tap wins
    outbox.queue({ id: R.uuid4(), op: "vote", vote: vote.id, answer: option.id });
  }

  var questions = new R.QuestionsView({
    ask: function (text) { outbox.queue({ id: R.uuid4(), op: "question", text: text }); },
    upvote: function (id) { outbox.queue({ id: R.uuid4(), op: "upvote", question: id }); },
    mine: function () {
      var list = asked.slice();
      outbox.items.forEach(function (i) {
        if (i.op !== "question") return;
        list.push({ id: i.id, text: i.text, status: "waiting", failed: !!i.failed,
                    pending: i.failed ? i.error : i.error || "Sending…" });
      });
      return list;
    },
    upvoted: function (id) {
      return !!upvoted[id] || outbox.items.some(function (i) { return i.op === "upvote" && i.question === id; });
    },
  });

  // -- the live connection -----------------------------------------------------------------

  var live = new R.Live({
    url: function () { return api + "/ws?device=" + encodeURIComponent(device); },
    state: api + "/state?device=" + encodeURIComponent(device),
    message: function (message) {
      if (message.type !== "state" || (message.first && snapshot)) return;
      snapshot = message;
      var vote = snapshot.vote;
      if (vote && "mine" in vote) { // what the laptop has for this phone, on (re)connection
        if (vote.mine) confirmed[vote.id] = vote.mine; else delete confirmed[vote.id];
        R.write(votesKey, JSON.stringify(confirmed));
      }
      if (snapshot.survey && snapshot.survey.mine) {
        answered = snapshot.survey.mine;
        R.write(surveyKey, JSON.stringify(answered));
      }
      var qs = snapshot.questions;
      if (qs && qs.mine) { // where this phone's questions stand, on (re)connection
        asked = qs.mine;
        R.write(asksKey, JSON.stringify(asked));
        upvoted = {};
        (qs.upvoted || []).forEach(function (id) { upvoted[id] = true; });
        R.write(upvotedKey, JSON.stringify(upvoted));
      }
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
      $("harvest").hidden = true;
      var banner = $("offline");
      banner.textContent = "This link is no longer valid: scan the QR code on the screen again.";
      banner.hidden = false;
    },
  });

  // -- colours: a suit's colour, made readable on the page's own background --------------

  function rgb(text) {
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text || "");
    if (m) {
      var h = m[1].length === 3 ? m[1].replace(/./g, "$&$&") : m[1];
      return [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); });
    }
    m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(text || "");
    if (!m || m[4] === "0") return null; // transparent: the colour behind it counts
    return [+m[1], +m[2], +m[3]];
  }

  function luminance(c) {
    var v = c.map(function (x) {
      x /= 255;
      return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // The suit's colour, mixed toward black or white until it reads at 4.5:1 on ``back``.
  function readable(colour, back) {
    var c = rgb(colour), b = rgb(back);
    if (!c || !b) return "";
    var toward = luminance(b) > 0.4 ? [0, 0, 0] : [255, 255, 255];
    for (var t = 0; t <= 1; t += 0.05) {
      var mixed = c.map(function (x, i) { return Math.round(x + (toward[i] - x) * t); });
      if (contrast(mixed, b) >= 4.5) return "rgb(" + mixed.join(",") + ")";
    }
    return "";
  }

  // -- what is shown -----------------------------------------------------------------------

  function showNet() {
    R.showNet(live, outbox, function () {
      return "what you gave will be sent when the network is back";
    });
  }

  function renderHeader() {
    var title = (snapshot.event && snapshot.event.title) || "The room";
    $("event").textContent = title;
    document.title = title;
    R.renderRound(snapshot.round);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function statusText(vote, mine, chosen) {
    if (!vote.open) return mine ? "The vote is closed. Your vote: " + chosen + "." : "The vote is closed.";
    if (!mine) {
      return vote.changeable
        ? "Tap your answer. You can change it until the vote closes."
        : "Tap your answer. Your first tap counts.";
    }
    var pending = pendingFor(vote.id) ? " (sending…)" : "";
    return "Your vote: " + chosen + pending + "."
      + (vote.changeable ? " Tap another to change it." : "");
  }

  function optionRow(vote, option, index, mine) {
    var li = el("li", "option" + (mine === option.id ? " chosen" : ""));
    var row = el("div", "option-row");
    var choose = el("button", "choose");
    choose.type = "button";
    choose.dataset.key = "choose:" + option.id;
    choose.setAttribute("aria-pressed", mine === option.id ? "true" : "false");
    choose.disabled = !vote.open;
    var title = el("span", "option-title", option.title);
    choose.appendChild(title);
    if (option.suit) choose.appendChild(el("span", "option-suit", option.suit));
    var results = vote.results;
    if (results) {
      var count = results[option.id] || 0;
      choose.appendChild(el("span", "option-count", plural(count, "vote")));
    }
    choose.addEventListener("click", function () { tap(vote, option); });
    row.appendChild(choose);
    if (option.front) {
      var frontId = "front-" + index;
      var read = el("button", "read", reading[option.id] ? "Close" : "Read");
      read.type = "button";
      read.dataset.key = "read:" + option.id;
      read.setAttribute("aria-expanded", reading[option.id] ? "true" : "false");
      read.setAttribute("aria-controls", frontId);
      read.setAttribute("aria-label", (reading[option.id] ? "Close " : "Read ") + option.title);
      read.addEventListener("click", function () {
        reading[option.id] = !reading[option.id];
        render();
      });
      row.appendChild(read);
      li.appendChild(row);
      var front = el("p", "front", option.front);
      front.id = frontId;
      front.hidden = !reading[option.id];
      li.appendChild(front);
    } else {
      li.appendChild(row);
    }
    if (results && vote.total) {
      var bar = el("div", "share");
      bar.setAttribute("aria-hidden", "true");
      var fill = el("span", "fill");
      fill.style.width = Math.round((100 * (results[option.id] || 0)) / vote.total) + "%";
      bar.appendChild(fill);
      li.appendChild(bar);
    }
    if (option.colour) li.style.borderLeftColor = option.colour;
    li.dataset.colour = option.colour || "";
    return li;
  }

  function renderVote() {
    var vote = snapshot.vote;
    $("vote").hidden = !vote;
    $("idle").hidden = !!vote || !!(snapshot.survey && snapshot.survey.open);
    if (!vote) return;
    var mine = vote.open ? mineFor(vote.id) : confirmed[vote.id] || null;
    var chosen = "";
    (vote.options || []).forEach(function (o) { if (o.id === mine) chosen = o.title; });
    $("vote-title").textContent = vote.question;
    $("vote-status").textContent = statusText(vote, mine, chosen);
    $("vote-problem").textContent = problem;
    $("vote-problem").hidden = !problem;
    var count = plural(vote.total || 0, "vote") + (vote.open ? " so far" : "");
    if (!vote.results) count += ". The results show when the vote closes.";
    $("vote-count").textContent = count;
    var focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.key : null;
    var list = $("options");
    list.textContent = "";
    (vote.options || []).forEach(function (option, i) {
      list.appendChild(optionRow(vote, option, i, mine));
    });
    // titles in their suit's colour, as readable on this scheme's background as any text
    Array.prototype.forEach.call(list.children, function (li) {
      var title = li.querySelector(".option-title");
      var colour = readable(li.dataset.colour, getComputedStyle(li.querySelector(".choose")).backgroundColor)
        || readable(li.dataset.colour, getComputedStyle(li).backgroundColor);
      if (colour) title.style.color = colour;
    });
    if (focused) {
      var again = list.querySelector('[data-key="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
  }

  function renderHarvest() {
    $("harvest").hidden = !snapshot.harvest;
    $("harvest-link").href = "/j/" + encodeURIComponent(token) + "/harvest";
  }

  function render() {
    showNet();
    if (!snapshot) return;
    renderHeader();
    renderHarvest();
    renderVote();
    survey.update(snapshot.survey);
    questions.update(snapshot.questions);
  }

  function start() {
    showNet();
    live.start();
    outbox.restart();
  }

  start();
})();
