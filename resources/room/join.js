/* The delegate's page (the join link): the event and the live round, pushed by the laptop.
 * No name asked; the device id (common.js) is all the room knows of a phone.
 * Text is only ever set with textContent: nothing is read as markup.
 */
(function () {
  "use strict";

  var R = window.FacilitatorRoom;
  var $ = R.$;

  var token = R.token();
  var api = "/api/j/" + encodeURIComponent(token);
  var device = R.deviceId();
  var snapshot = null; // the server's last state push

  var live = new R.Live({
    url: function () { return api + "/ws?device=" + encodeURIComponent(device); },
    state: api + "/state?device=" + encodeURIComponent(device),
    message: function (message) {
      if (message.type !== "state" || (message.first && snapshot)) return;
      snapshot = message;
      render();
    },
    alive: function () { showNet(); },
    back: function () { showNet(); },
  });

  // -- what is shown -----------------------------------------------------------------------

  function isOffline() {
    return !live.alive || navigator.onLine === false;
  }

  function showNet() {
    var offline = isOffline();
    document.body.classList.toggle("is-offline", offline);
    $("net-text").textContent = offline ? "Offline" : "Connected";
    var banner = $("offline");
    banner.hidden = !offline;
    banner.textContent = offline ? "Offline — reconnecting…" : "";
  }

  function renderHeader() {
    var title = (snapshot.event && snapshot.event.title) || "The room";
    $("event").textContent = title;
    document.title = title;
    R.renderRound(snapshot.round);
  }

  function render() {
    showNet();
    if (!snapshot) return;
    renderHeader();
  }

  function start() {
    showNet();
    live.start();
  }

  start();
})();
