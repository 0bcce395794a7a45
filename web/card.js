// The card maker (/card): a clinic fills in the session and gets the
// aftercare card, a QR code and the same link as text. The session goes in
// the link's fragment (after "#"), which a browser never sends to a server;
// the app reads and checks it on the person's phone (rules.DecodeCard).
// Every word and option comes from the app (config, made from the rules);
// the QR code from the vendored encoder in qrcode.js.
(function () {
  "use strict";

  // FNV-1a (32 bits) in base 36: the same check digits as rules/card.go.
  function checksum(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h = Math.imul((h ^ s.charCodeAt(i)) >>> 0, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }

  // fragment writes the card as rules.Card.Encode does: version, date,
  // answers, areas, note and phone, then the check digits.
  function fragment(card) {
    var parts = ["v=1", "d=" + card.date.replace(/-/g, "")];
    Object.keys(card.answers).sort().forEach(function (q) {
      parts.push(q + "=" + encodeURIComponent(card.answers[q]));
    });
    if (card.areas.length) parts.push("a=" + card.areas.join("."));
    if (card.note) parts.push("n=" + encodeURIComponent(card.note));
    if (card.phone) parts.push("t=" + encodeURIComponent(card.phone));
    var body = parts.join("&");
    return body + "&c=" + checksum(body);
  }

  // As rules/card.go checks a phone number (rules.ValidPhone).
  var phonePattern = /^\+?[0-9][0-9 ()-]{3,19}$/;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }

  function svgEl(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  // qrSVG draws text as a QR code, error correction M (it survives a
  // smudged receipt), the smallest version that holds it, with the
  // four-module quiet zone.
  function qrSVG(text, label) {
    var qr = qrcode(0, "M");
    qr.addData(text, "Byte");
    qr.make();
    var n = qr.getModuleCount(), d = "";
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        if (qr.isDark(r, c)) d += "M" + (c + 4) + " " + (r + 4) + "h1v1h-1z";
      }
    }
    var side = n + 8;
    var svg = svgEl("svg", { id: "card-qr", class: "card-qr", viewBox: "0 0 " + side + " " + side,
      "shape-rendering": "crispEdges", role: "img", "aria-label": label, "data-version": String((n - 17) / 4) });
    svg.appendChild(svgEl("rect", { width: side, height: side, fill: "#fff" }));
    svg.appendChild(svgEl("path", { d: d, fill: "#000" }));
    return svg;
  }

  window.aftercareCardMount = function (root, config) {
    var cfg = JSON.parse(config);
    var w = cfg.words;
    var card = { date: cfg.today, answers: {}, areas: [], note: "", phone: cfg.phone || "" };

    var fields = [
      el("label", { for: "card-date", text: w.card_form_date }),
      el("input", { type: "date", id: "card-date", class: "field", value: card.date, max: cfg.today, min: cfg.oldest }),
    ];
    cfg.questions.forEach(function (q) {
      var options = [el("option", { value: "", text: w.choose })].concat(q.options.map(function (o) {
        return el("option", { value: o.id, text: o.label });
      }));
      fields.push(el("label", { for: "card-" + q.id, text: q.label }),
        el("select", { id: "card-" + q.id, class: "field", "data-question": q.id }, options));
    });
    var areaBoxes = cfg.areas.map(function (a) {
      var id = "card-area-" + a.id;
      return el("label", { class: "choice-box wide", for: id }, [
        el("input", { type: "checkbox", id: id, "data-area": a.id }), el("span", { text: a.label }),
      ]);
    });
    fields.push(el("fieldset", { class: "choices" }, [el("legend", { text: w.card_form_areas })].concat(areaBoxes)),
      el("label", { for: "card-note", text: w.card_form_note }),
      el("textarea", { id: "card-note", class: "field", maxlength: String(cfg.noteMax), rows: "3" }),
      el("label", { for: "card-phone", text: w.card_form_phone }),
      el("input", { type: "tel", id: "card-phone", class: "field", value: card.phone }));
    var form = el("section", { class: "card-form no-print", "aria-label": w.card_form_label }, fields);

    var sheet = el("section", { id: "card-sheet", class: "card-sheet", "aria-label": w.card_sheet_label });
    var status = el("p", { id: "card-problem", class: "notice", role: "status", hidden: "" });
    var a6 = el("button", { type: "button", class: "button primary", id: "print-a6", text: w.card_print_a6 });
    var receipt = el("button", { type: "button", class: "button", id: "print-receipt", text: w.card_print_receipt });
    [[a6, "print-a6"], [receipt, "print-receipt"]].forEach(function (b) {
      b[0].addEventListener("click", function () {
        document.documentElement.classList.add(b[1]);
        window.print();
        document.documentElement.classList.remove(b[1]);
      });
    });

    function draw() {
      card.date = root.querySelector("#card-date").value || cfg.today;
      card.answers = {};
      root.querySelectorAll("select[data-question]").forEach(function (s) {
        if (s.value) card.answers[s.getAttribute("data-question")] = s.value;
      });
      card.areas = [];
      root.querySelectorAll("input[data-area]").forEach(function (b) {
        if (b.checked) card.areas.push(b.getAttribute("data-area"));
      });
      card.note = root.querySelector("#card-note").value.trim().slice(0, cfg.noteMax);
      card.phone = root.querySelector("#card-phone").value.trim();

      sheet.textContent = "";
      status.hidden = true;
      if (card.phone && !phonePattern.test(card.phone)) {
        status.textContent = w.card_bad_phone;
        status.hidden = false;
        return;
      }
      var link = location.origin + "/welcome#" + fragment(card);
      var qr;
      try {
        qr = qrSVG(link, w.card_qr_label);
      } catch (e) {
        status.textContent = w.card_too_long;
        status.hidden = false;
        return;
      }
      sheet.appendChild(el("h2", { text: cfg.clinic }));
      sheet.appendChild(el("p", { text: w.card_sheet_lead }));
      // On paper, the page's address only: the session is in the QR code.
      var short = location.origin + "/welcome";
      sheet.appendChild(el("div", { class: "card-code" }, [qr, el("p", { id: "card-link", class: "card-link", text: short })]));
      sheet.appendChild(el("ul", { class: "card-advice" }, cfg.advice.map(function (t) { return el("li", { text: t }); })));
      if (card.note) sheet.appendChild(el("p", { class: "therapist-note", text: w.therapist_note.replace("{note}", card.note) }));
    }

    root.textContent = "";
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(sheet);
    root.appendChild(el("div", { class: "result-actions no-print" }, [a6, receipt]));
    form.addEventListener("input", draw);
    form.addEventListener("change", draw);
    draw();
    root.setAttribute("data-ready", "");
  };
})();
