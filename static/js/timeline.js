/* The timeline's behaviour. Everything works without it: filters submit, events and articles are links.
 * This file only adds the chart, partial updates of the results and the side panel. */
(function () {
  "use strict";

  var RELAYOUT_DELAY = 350;
  var PHONE = "(max-width: 47.99rem)";
  var relayoutTimer = null;
  var panelOpener = null;

  function chartSpec() {
    var el = document.getElementById("chart-data");
    if (!el) return null;
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  }

  function eventUrl(chart, id) {
    // The URL pattern comes from Django ({% url 'event' 0 %}), so routes are defined in one place only.
    var url = chart.getAttribute("data-event-url").replace(/0\/$/, id + "/");
    var back = window.location.search.replace(/^\?/, "");
    return back ? url + "?back=" + encodeURIComponent(back) : url;
  }

  function openEvent(chart, id) {
    if (!window.htmx) {
      window.location.href = eventUrl(chart, id);
      return;
    }
    panelOpener = document.activeElement;
    window.htmx.ajax("GET", eventUrl(chart, id), { target: "#panel", swap: "innerHTML" });
  }

  function dateOnly(value) {
    return typeof value === "string" ? value.slice(0, 10) : "";
  }

  function onRelayout(chart, change) {
    var start, end, auto = false;
    if (change["xaxis.autorange"]) {
      auto = true;
    } else if (change["xaxis.range"]) {
      start = change["xaxis.range"][0];
      end = change["xaxis.range"][1];
    } else if ("xaxis.range[0]" in change) {
      start = change["xaxis.range[0]"];
      end = change["xaxis.range[1]"];
    } else {
      return; // resize, legend clicks: the date window did not move
    }
    var form = document.getElementById("filters");
    if (!form) return;
    // Zooming the chart and typing dates are one control: keep the form in step and let htmx ask the server.
    form.elements["from"].value = auto ? "" : dateOnly(start);
    form.elements["to"].value = auto ? "" : dateOnly(end);
    window.clearTimeout(relayoutTimer);
    relayoutTimer = window.setTimeout(function () {
      if (window.htmx) window.htmx.trigger(form, "change");
    }, RELAYOUT_DELAY);
  }

  function wire(chart) {
    if (chart.dataset.wired) return;
    chart.dataset.wired = "1";
    chart.on("plotly_click", function (ev) {
      var point = ev && ev.points && ev.points[0];
      if (point && point.customdata) openEvent(chart, point.customdata[0]);
    });
    chart.on("plotly_relayout", function (change) {
      onRelayout(chart, change || {});
    });
  }

  // On a phone the lane labels must not take half the width, and with topic lanes the legend only repeats them.
  function narrow(layout) {
    var y = Object.assign({}, layout.yaxis);
    y.ticktext = (y.ticktext || []).map(function (t) {
      return t.length > 13 ? t.slice(0, 12) + "…" : t;
    });
    y.tickfont = { size: 11 };
    layout.yaxis = y;
    if (layout.meta && layout.meta.lanes === "topics") layout.showlegend = false;
    if (layout.height) layout.height = Math.round(layout.height * 0.8);
  }

  // plotly.js names months in English unless a locale is registered; German is the interface's other language.
  var localesRegistered = false;
  function registerLocales() {
    if (localesRegistered || !window.Plotly) return;
    localesRegistered = true;
    window.Plotly.register({
      moduleType: "locale",
      name: "de",
      dictionary: {
        "Zoom": "Zoomen",
        "Pan": "Verschieben",
        "Zoom in": "Vergrößern",
        "Zoom out": "Verkleinern",
        "Autoscale": "Automatisch skalieren",
        "Reset axes": "Achsen zurücksetzen",
        "Double-click to zoom back out": "Doppelklick zum Herauszoomen"
      },
      format: {
        days: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        shortDays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
        months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember"],
        shortMonths: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
        date: "%d.%m.%Y",
        decimal: ",",
        thousands: "."
      }
    });
  }

  function draw() {
    var chart = document.getElementById("chart");
    var spec = chartSpec();
    if (!chart || !spec || !window.Plotly) return;
    registerLocales();
    // plotly.js sizes a first plot at 700px whatever its container; give it the container's width instead.
    var width = chart.parentNode.clientWidth;
    var layout = Object.assign({}, spec.layout, { width: width || undefined });
    if (width && width < 600) narrow(layout);
    window.Plotly.react(chart, spec.data, layout, spec.config).then(function () {
      wire(chart);
      chart.parentNode.classList.add("has-chart");
    });
  }

  function watchWidth() {
    var chart = document.getElementById("chart");
    if (!chart || !window.ResizeObserver) return;
    var timer = null;
    new ResizeObserver(function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var c = document.getElementById("chart");
        var width = c && c.parentNode.clientWidth;
        if (c && c._fullLayout && width && Math.abs(c._fullLayout.width - width) > 1) draw();
      }, 120);
    }).observe(chart.parentNode);
  }

  function closePanel() {
    var panel = document.getElementById("panel");
    if (!panel || !panel.firstElementChild) return false;
    panel.replaceChildren();
    panel.classList.remove("open");
    if (panelOpener && document.body.contains(panelOpener)) panelOpener.focus();
    panelOpener = null;
    return true;
  }

  function scrollToSentence() {
    var params = new URLSearchParams(window.location.search);
    var id = params.get("hl") ? "s-" + params.get("hl") : window.location.hash.slice(1);
    var target = id && document.getElementById(id);
    if (target && target.classList.contains("sentence")) {
      target.classList.add("highlight");
      target.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("filters-box");
    // Filters start open so they work without JavaScript; on a phone they fold away above the chart.
    if (box && window.matchMedia(PHONE).matches) box.open = false;
    var q = document.getElementById("q");
    if (q) {
      // The search box sends its own debounced request; its change event must not send a second one.
      q.addEventListener("change", function (ev) {
        ev.stopPropagation();
      });
    }
    draw();
    watchWidth();
    scrollToSentence();
  });

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("[data-close-panel]");
    if (link && link.closest("#panel") && closePanel()) ev.preventDefault();
    var item = ev.target.closest && ev.target.closest(".event-link");
    if (item) panelOpener = item;
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") closePanel();
  });

  // Empty form fields would only clutter the shareable URL.
  document.addEventListener("htmx:configRequest", function (ev) {
    var data = ev.detail.formData;
    if (!data || ev.detail.verb !== "get") return;
    Array.from(new Set(Array.from(data.keys()))).forEach(function (key) {
      var values = data.getAll(key).filter(function (v) {
        return v !== "";
      });
      data.delete(key);
      values.forEach(function (v) {
        data.append(key, v);
      });
    });
  });

  document.addEventListener("htmx:afterSettle", function (ev) {
    var target = ev.detail && ev.detail.target;
    if (!target) return;
    if (target.id === "results") draw();
    if (target.id === "panel" && target.firstElementChild) {
      target.classList.add("open");
      var heading = target.querySelector("h2");
      if (heading) heading.focus();
    }
  });

  // Back/forward: htmx fetched the page again and replaced the body, chart div included.
  document.addEventListener("htmx:historyRestore", function () {
    draw();
  });
})();
