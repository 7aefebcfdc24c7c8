// Recent alerts, live: ask the server every few seconds for alerts newer than the newest shown.
// Polling, not server-sent events: the search service has no push source of its own (alerts
// reach it through Elasticsearch), so a stream would poll on the server anyway, and plain
// requests pass every proxy and keep search replicas free of long-lived connections.
(function () {
  "use strict";
  var list = document.getElementById("live-alerts");
  if (!list || !window.fetch) { return; }
  var PERIOD_MS = 4000;
  var after = list.getAttribute("data-after") || "";
  var seen = {};
  Array.prototype.forEach.call(list.querySelectorAll("[data-id]"), function (el) { seen[el.getAttribute("data-id")] = true; });

  function item(alert) {
    var li = document.createElement("li");
    li.className = "alert-item new";
    li.setAttribute("data-id", alert.alert_id);
    var badge = document.createElement("span");
    badge.className = "badge kind-" + alert.type;
    badge.textContent = alert.type;
    var link = document.createElement("a");
    link.href = alert.href;
    link.textContent = alert.parties.length ? alert.parties.join(", ") : "Talks";
    li.appendChild(badge);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link);
    if (alert.location) { li.appendChild(document.createTextNode(" in " + alert.location)); }
    if (alert.changes.length) { li.appendChild(document.createTextNode(" (" + alert.changes.join(", ") + " changed)")); }
    var time = document.createElement("time");
    time.dateTime = alert.time;
    time.textContent = "just now";
    li.appendChild(time);
    return li;
  }

  function poll() {
    var url = "/desk/alerts/recent?limit=20" + (after ? "&after=" + encodeURIComponent(after) : "");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { alerts: [] }; })
      .then(function (body) {
        var all = body.alerts || [];
        if (all.length) { after = all[0].time; list.setAttribute("data-after", after); }
        var alerts = all.filter(function (a) { return !seen[a.alert_id]; });
        alerts.forEach(function (a) { seen[a.alert_id] = true; });
        if (!alerts.length) { return; }
        var empty = list.querySelector(".empty");
        if (empty) { empty.remove(); }
        for (var i = alerts.length - 1; i >= 0; i--) { list.insertBefore(item(alerts[i]), list.firstChild); }
      })
      .catch(function () { /* the next round tries again */ })
      .then(function () { window.setTimeout(poll, PERIOD_MS); });
  }
  window.setTimeout(poll, PERIOD_MS);
})();
