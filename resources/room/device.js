/* What the phone pages share: ids made on the phone, its storage, the device id, and two
 * helpers to make elements (text only ever set with textContent: never read as markup).
 *
 * Plain http on a local network is not a secure context: no crypto.randomUUID (ids come
 * from crypto.getRandomValues), no Secure cookie. The device id lives in localStorage
 * ("facilitator.device") with a cookie (facilitator_device) as its copy, so every page of
 * the room knows the phone by the same id. Load it before the page's own script.
 */
(function () {
  "use strict";

  function uuid4() {
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
  }

  function readStore(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function writeStore(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: memory only */ }
  }

  function deviceId() {
    var id = readStore("facilitator.device");
    if (!id) {
      var m = /(?:^|;\s*)facilitator_device=([0-9a-f-]{36})/.exec(document.cookie);
      id = m ? m[1] : uuid4();
    }
    writeStore("facilitator.device", id);
    document.cookie = "facilitator_device=" + id + "; Path=/; Max-Age=31536000; SameSite=Lax";
    return id;
  }

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.facilitatorRoom = {
    $: byId,
    el: el,
    uuid4: uuid4,
    readStore: readStore,
    writeStore: writeStore,
    device: deviceId(),
  };
})();
