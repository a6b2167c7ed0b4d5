/* The feedback survey on the delegate's page: rating buttons (1 to 5), choices, and a box
 * for free text. Each answer goes through the page's outbox the moment it is given (a
 * free text when its Send is tapped) and may be changed until the survey closes. The
 * questions are drawn once per survey, not at each push: nothing typed is lost to a
 * refresh. Text is only ever set with textContent.
 * o: {answer(question, value), mine(questionId) -> answer or null, status(questionId) ->
 * {cls, text} or null}
 */
(function () {
  "use strict";

  var R = window.FacilitatorRoom;
  var el = R.el;

  R.SurveyView = function (section, list, o) {
    var drawn = ""; // the survey drawn, as JSON: redrawn only when it changes

    function pressed(group, value) {
      Array.prototype.forEach.call(group.querySelectorAll("button[data-value]"), function (b) {
        b.setAttribute("aria-pressed", b.dataset.value === value ? "true" : "false");
      });
    }

    function statusLine(q) {
      var line = el("p", "answer-state");
      line.id = "state-" + q.id;
      line.setAttribute("aria-live", "polite");
      return line;
    }

    function buttons(q, values, labels) {
      var group = el("div", q.kind === "rating" ? "rating" : "choices");
      values.forEach(function (value, i) {
        var b = el("button", "pick", labels[i]);
        b.type = "button";
        b.dataset.value = value;
        if (q.kind === "rating") b.setAttribute("aria-label", value + " out of 5");
        b.setAttribute("aria-pressed", "false");
        b.addEventListener("click", function () {
          pressed(group, value);
          o.answer(q, value);
        });
        group.appendChild(b);
      });
      return group;
    }

    function question(q, index) {
      var item = el("li", "survey-question");
      item.dataset.id = q.id;
      var heading = el("h3", "survey-q", q.question);
      heading.id = "q-" + index;
      item.appendChild(heading);
      var group;
      if (q.kind === "rating") {
        group = buttons(q, ["1", "2", "3", "4", "5"], ["1", "2", "3", "4", "5"]);
        group.setAttribute("role", "group");
        group.setAttribute("aria-labelledby", heading.id);
        item.appendChild(group);
        item.appendChild(el("p", "scale", "1: not at all · 5: very much"));
      } else if (q.kind === "choice") {
        group = buttons(q, q.choices, q.choices);
        group.setAttribute("role", "group");
        group.setAttribute("aria-labelledby", heading.id);
        item.appendChild(group);
      } else {
        var box = el("div", "write");
        var area = el("textarea");
        area.id = "answer-" + index;
        area.rows = 3;
        area.maxLength = 2000;
        area.setAttribute("aria-labelledby", heading.id);
        var send = el("button", "send", "Send");
        send.type = "button";
        send.setAttribute("aria-label", "Send your answer");
        send.addEventListener("click", function () {
          var text = area.value.trim();
          if (text) o.answer(q, text);
        });
        box.appendChild(area);
        box.appendChild(send);
        item.appendChild(box);
        var given = o.mine(q.id);
        if (given) area.value = given;
      }
      item.appendChild(statusLine(q));
      return item;
    }

    // Redraw when the questions change; otherwise only the marks and the states move.
    this.update = function (survey) {
      var open = !!(survey && survey.open && survey.questions && survey.questions.length);
      section.hidden = !open;
      if (!open) { drawn = ""; list.textContent = ""; return; }
      var key = JSON.stringify(survey.questions);
      if (key !== drawn) {
        drawn = key;
        list.textContent = "";
        survey.questions.forEach(function (q, i) { list.appendChild(question(q, i)); });
      }
      this.refresh();
    };

    this.refresh = function () {
      Array.prototype.forEach.call(list.children, function (item) {
        var id = item.dataset.id;
        var group = item.querySelector(".rating, .choices");
        if (group) pressed(group, o.mine(id));
        var line = item.querySelector(".answer-state");
        var state = o.status(id);
        line.className = "answer-state" + (state ? " " + state.cls : "");
        line.textContent = state ? state.text : "";
      });
    };
  };
})();
