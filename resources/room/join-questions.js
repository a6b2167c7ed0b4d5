/* Questions to the room on the delegate's page: a box to ask one (it goes to the
 * facilitator first), the phone's own questions with where they stand, and the approved
 * questions, most up-voted first, each with an up-vote button. Everything goes through the
 * page's outbox. Text is only ever set with textContent.
 * o: {ask(text), upvote(id), mine() -> [{id, text, status, pending}], upvoted(id) -> bool}
 */
(function () {
  "use strict";

  var R = window.FacilitatorRoom;
  var el = R.el;
  var STATUS = {
    waiting: "Sent: the facilitator will see it",
    approved: "On the screen",
    hidden: "Not shown",
  };

  R.QuestionsView = function (o) {
    var box = R.$("ask-text");
    R.$("ask").addEventListener("submit", function (event) {
      event.preventDefault();
      var text = box.value.trim();
      if (!text) { box.focus(); return; }
      box.value = "";
      o.ask(text);
    });

    function keepFocus(list, fill) {
      var focused = document.activeElement && document.activeElement.dataset
        ? document.activeElement.dataset.key : null;
      list.textContent = "";
      fill();
      if (focused) {
        var again = list.querySelector('[data-key="' + CSS.escape(focused) + '"]');
        if (again) again.focus();
      }
    }

    this.update = function (questions) {
      var approved = (questions && questions.approved) || [];
      var onScreen = {};
      approved.forEach(function (q) { onScreen[q.id] = true; });
      var mine = o.mine();
      var own = R.$("my-questions");
      own.hidden = mine.length === 0;
      keepFocus(R.$("my-list"), function () {
        mine.forEach(function (q) {
          var li = el("li", "my-question");
          li.appendChild(el("p", "entry-text", q.text));
          var status = q.pending ? q.pending : onScreen[q.id] ? STATUS.approved : STATUS[q.status] || STATUS.waiting;
          li.appendChild(el("p", "answer-state" + (q.failed ? " failed" : ""), status));
          R.$("my-list").appendChild(li);
        });
      });
      R.$("room-questions").hidden = approved.length === 0;
      keepFocus(R.$("approved-list"), function () {
        approved.forEach(function (q) {
          var li = el("li", "room-question");
          li.appendChild(el("p", "entry-text", q.text));
          var up = el("button", "upvote", "▲ " + q.upvotes);
          up.type = "button";
          up.dataset.key = "up:" + q.id;
          var done = o.upvoted(q.id);
          up.setAttribute("aria-pressed", done ? "true" : "false");
          up.setAttribute("aria-label", "Up-vote (" + q.upvotes + "): " + q.text);
          up.addEventListener("click", function () { if (!o.upvoted(q.id)) o.upvote(q.id); });
          li.appendChild(up);
          R.$("approved-list").appendChild(li);
        });
      });
    };
  };
})();
