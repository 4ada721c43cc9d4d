// Survey fill-in page: skip logic, required and constraints checked live as the interviewer
// or respondent answers. The rules arrive already compiled by the server
// (opiniondesk/surveys/expressions.py) as JSON trees; this file only interprets them, mirroring
// expressions.run and fill.check rule for rule. The server checks again on submit and stays
// the source of truth; tests run this interpreter and the Python one over the same cases.
(function () {
  "use strict";

  var NUMBER_TEXT = /^[ \t\n\r]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r]*$/;
  var INTEGER = /^[+-]?[0-9]+$/;
  var DECIMAL = /^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$/;
  var DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var MAX_TEXT = 5000;  // fill.MAX_TEXT

  // ---- values, as XPath 1.0 converts them (expressions.to_number / to_text / truth) ----
  function toNumber(v) {
    if (v === null || v === undefined) { return NaN; }
    if (typeof v === "boolean") { return v ? 1 : 0; }
    if (typeof v === "number") { return v; }
    if (Array.isArray(v)) { return v.length; }
    var text = String(v);
    return NUMBER_TEXT.test(text) ? Number(text) : NaN;
  }

  function toText(v) {
    if (v === null || v === undefined) { return ""; }
    if (typeof v === "boolean") { return v ? "true" : "false"; }
    if (Array.isArray(v)) { return v.map(toText).join(" "); }
    if (typeof v === "number") {
      if (isNaN(v)) { return "NaN"; }
      if (!isFinite(v)) { return v > 0 ? "Infinity" : "-Infinity"; }
      if (Number.isInteger(v) && Math.abs(v) < 1e15) { return String(Math.trunc(v) + 0); }
      return String(v);
    }
    return String(v);
  }

  function truth(v) {
    if (v === null || v === undefined) { return false; }
    if (typeof v === "boolean") { return v; }
    if (typeof v === "number") { return !(v === 0 || isNaN(v)); }
    return v.length > 0;
  }

  function isNumber(v) { return typeof v === "boolean" || typeof v === "number"; }

  function compare(op, left, right) {
    if (op === "=" || op === "!=") {
      var equal = (isNumber(left) || isNumber(right))
        ? toNumber(left) === toNumber(right)
        : toText(left) === toText(right);
      return op === "=" ? equal : !equal;
    }
    var a = toNumber(left), b = toNumber(right);
    if (op === "<") { return a < b; }
    if (op === "<=") { return a <= b; }
    if (op === ">") { return a > b; }
    return a >= b;
  }

  function arithmetic(op, a, b) {
    if (op === "+") { return a + b; }
    if (op === "-") { return a - b; }
    if (op === "*") { return a * b; }
    if (b === 0 || isNaN(a) || isNaN(b)) { return NaN; }
    return op === "div" ? a / b : a % b;
  }

  function chosen(v) {
    if (Array.isArray(v)) { return v.map(toText); }
    return toText(v).split(/\s+/).filter(function (s) { return s !== ""; });
  }

  function call(name, args) {
    switch (name) {
      case "not": return !truth(args[0]);
      case "selected": return chosen(args[0]).indexOf(toText(args[1])) >= 0;
      case "count-selected": return chosen(args[0]).length;
      case "string-length": return Array.from(toText(args[0])).length;
      case "true": return true;
      case "false": return false;
      case "if": return truth(args[0]) ? args[1] : args[2];
      case "coalesce": return toText(args[0]) !== "" ? args[0] : args[1];
      case "concat": return args.map(toText).join("");
      case "contains": return toText(args[0]).indexOf(toText(args[1])) >= 0;
      case "starts-with": return toText(args[0]).indexOf(toText(args[1])) === 0;
      case "number": return toNumber(args[0]);
      case "int": {
        var n = toNumber(args[0]);
        return isFinite(n) ? Math.trunc(n) + 0 : n;
      }
      case "string": return toText(args[0]);
      case "boolean": return truth(args[0]);
      default: throw new Error("unknown function " + name);
    }
  }

  function run(tree, lookup) {
    var head = tree[0];
    if (head === "ref") { return lookup(tree[1]); }
    if (head === "lit") { return tree[1]; }
    if (head === "call") {
      return call(tree[1], tree.slice(2).map(function (t) { return run(t, lookup); }));
    }
    if (head === "neg") { return -toNumber(run(tree[1], lookup)); }
    var left = run(tree[1], lookup), right = run(tree[2], lookup);
    if (head === "and") { return truth(left) && truth(right); }
    if (head === "or") { return truth(left) || truth(right); }
    if (["=", "!=", "<", "<=", ">", ">="].indexOf(head) >= 0) { return compare(head, left, right); }
    return arithmetic(head, toNumber(left), toNumber(right));
  }

  function holds(tree, answers, current) {
    return truth(run(tree, function (name) {
      if (name === ".") { return current === undefined ? null : current; }
      return Object.prototype.hasOwnProperty.call(answers, name) ? answers[name] : null;
    }));
  }

  // ---- typing an answer (responses.value_of and fill._read) ----
  function Invalid() {}

  function isDate(text) {
    var y = Number(text.slice(0, 4)), m = Number(text.slice(5, 7)), d = Number(text.slice(8, 10));
    if (y < 1 || m < 1 || m > 12 || d < 1) { return false; }
    var day = new Date(0);
    day.setUTCFullYear(y, m - 1, d);
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
  }

  function valueOf(q, text) {
    if (q.kind === "integer") {
      if (!INTEGER.test(text)) { throw new Invalid(); }
      return Number(text) + 0;
    }
    if (q.kind === "decimal") {
      if (!DECIMAL.test(text)) { throw new Invalid(); }
      var commas = text.split(",").length - 1;
      return Number(commas === 1 && text.indexOf(".") < 0 ? text.replace(",", ".") : text) + 0;
    }
    if (q.kind === "date") {
      if (!DATE.test(text) || !isDate(text)) { throw new Invalid(); }
      return text;
    }
    if (q.kind === "select_one") {
      if (q.choices.length && q.choices.indexOf(text) < 0) { throw new Invalid(); }
      return text;
    }
    if (q.kind === "select_multiple") {
      var picked = text.split(/\s+/).filter(function (s, i, all) {
        return s !== "" && all.indexOf(s) === i;
      }).sort();
      if (q.choices.length && picked.some(function (s) { return q.choices.indexOf(s) < 0; })) {
        throw new Invalid();
      }
      return picked;
    }
    if (q.kind === "text" && Array.from(text).length > MAX_TEXT) { throw new Invalid(); }
    return text;
  }

  function read(q, values) {
    var cleaned = (values || []).map(function (v) { return v.trim(); })
      .filter(function (v) { return v !== ""; });
    if (!cleaned.length) { return null; }
    return valueOf(q, q.kind === "select_multiple" ? cleaned.join(" ") : cleaned[0]);
  }

  // fill.check: the same order, the same answers visible to later rules
  function check(rules, submitted) {
    var result = { answers: {}, errors: {}, skipped: [] };
    var byName = {};
    rules.questions.forEach(function (q) {
      if (q.kind === "note") { return; }
      var asked = q.relevant.every(function (tree) { return holds(tree, byName); });
      if (!asked) { result.skipped.push(q.path); return; }
      var value;
      try {
        value = read(q, submitted[q.path]);
      } catch (e) {
        if (!(e instanceof Invalid)) { throw e; }
        result.errors[q.path] = "invalid";
        return;
      }
      if (value === null) {
        if (q.required) { result.errors[q.path] = "required"; }
        return;
      }
      if (q.constraint && !holds(q.constraint, byName, value)) {
        result.errors[q.path] = "constraint";
        return;
      }
      result.answers[q.path] = byName[q.name] = value;
    });
    return result;
  }

  window.opiniondeskSurvey = {
    run: run, holds: holds, check: check, toText: toText, toNumber: toNumber, truth: truth
  };

  // ---- the page ----
  var source = document.getElementById("survey-rules");
  var form = document.querySelector("form.survey-form");
  if (!source || !form) { return; }
  var rules = JSON.parse(source.textContent);
  var touched = {};
  var tried = false;

  function submitted() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrf_token" || el.name === "instance_id") { return; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      (values[el.name] = values[el.name] || []).push(el.value);
    });
    return values;
  }

  function box(path) { return form.querySelector('[data-path="' + CSS.escape(path) + '"]'); }

  function refresh() {
    var result = check(rules, submitted());
    var byName = {};
    rules.questions.forEach(function (q) {
      var el = box(q.path);
      if (!el) { return; }
      var shown = q.relevant.every(function (tree) { return holds(tree, byName); });
      if (q.kind === "note") { el.hidden = !shown; return; }
      shown = result.skipped.indexOf(q.path) < 0;
      el.hidden = !shown;
      if (Object.prototype.hasOwnProperty.call(result.answers, q.path)) {
        byName[q.name] = result.answers[q.path];
      }
      var message = el.querySelector(".error-message");
      var key = result.errors[q.path];
      var show = shown && key && (tried || touched[q.path]);
      message.textContent = show ? q.messages[key] : "";
      message.hidden = !show;
      el.classList.toggle("has-error", !!show);
    });
    return result;
  }

  form.classList.add("live");
  form.addEventListener("input", function (event) {
    if (event.target.name) { touched[event.target.name] = true; }
    refresh();
  });
  form.addEventListener("change", function (event) {
    if (event.target.name) { touched[event.target.name] = true; }
    refresh();
  });
  form.addEventListener("submit", function (event) {
    tried = true;
    var result = refresh();
    var first = rules.questions.filter(function (q) { return result.errors[q.path]; })[0];
    if (first) {
      event.preventDefault();
      var el = box(first.path);
      var field = el && el.querySelector("input, textarea, select");
      if (field) { field.focus(); }
    }
  });
  refresh();
})();
