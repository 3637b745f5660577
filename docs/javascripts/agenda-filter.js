// Optional: narrow the opgaven on the page by thema, niveau, trekker, gremium and a word, and
// keep the choice in the address (?thema=...&tekst=...), so that a narrowed view can be shared
// and survives a reload. Without this script the form stays hidden: every opgave is shown and the
// grouping pages (linked above the board) do the narrowing.
document.querySelectorAll("form.agenda-filter").forEach(function (form) {
  var items = document.querySelectorAll(".agenda-card, .agenda-item");
  // an opgave is counted once, also where it stands on the board and in lists (by its link)
  function opgaven(list) {
    var seen = {};
    Array.prototype.forEach.call(list, function (item) { seen[item.querySelector("a").getAttribute("href")] = true; });
    return Object.keys(seen).length;
  }
  var total = opgaven(items);
  var count = form.querySelector(".agenda-filter__count");
  var fields = Array.prototype.filter.call(form.elements, function (field) { return field.name; });

  function matches(item) {
    return fields.every(function (field) {
      var value = field.value.trim();
      if (!value) return true;
      if (field.name === "tekst") return item.textContent.toLowerCase().indexOf(value.toLowerCase()) !== -1;
      return (item.dataset[field.name] || "").split(" ").indexOf(value) !== -1;
    });
  }

  // the count at the end of a group's heading: "Regionaal (8)" becomes "Regionaal (3)"
  function recount(heading, shown) {
    var text = heading.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE) text.nodeValue = text.nodeValue.replace(/\(\d+\)(\s*)$/, "(" + shown + ")$1");
  }

  function update() {
    // an item below a board has no data of its own: it follows the card with the same link
    var verdict = {};
    items.forEach(function (item) {
      if (!item.dataset.status) return;
      item.hidden = !matches(item);
      verdict[item.querySelector("a").getAttribute("href")] = !item.hidden;
    });
    items.forEach(function (item) {
      if (!item.dataset.status) item.hidden = !verdict[item.querySelector("a").getAttribute("href")];
    });
    document.querySelectorAll(".agenda-column").forEach(function (column) {
      column.querySelector(".agenda-column__count").textContent =
        column.querySelectorAll(".agenda-card:not([hidden])").length;
    });
    // a group of a list: hidden with its heading (and what stands between them) when it has none left
    document.querySelectorAll("ul.agenda-items").forEach(function (list) {
      var left = list.querySelectorAll(".agenda-item:not([hidden])").length;
      list.hidden = !left;
      for (var node = list.previousElementSibling; node; node = node.previousElementSibling) {
        node.hidden = !left;
        if (/^H[2-6]$/.test(node.tagName)) { recount(node, left); break; }
      }
    });
    var shown = opgaven(Array.prototype.filter.call(items, function (item) { return !item.hidden; }));
    count.textContent = shown + " van de " + total + " opgaven";
  }

  function remember() {
    var query = new URLSearchParams();
    fields.forEach(function (field) { if (field.value.trim()) query.set(field.name, field.value.trim()); });
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  // the choice in the address, where it names an option this page has
  var asked = new URLSearchParams(location.search);
  fields.forEach(function (field) {
    var value = asked.get(field.name);
    if (value === null) return;
    if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) return;
    field.value = value;
  });
  form.addEventListener("input", function () { update(); remember(); });
  form.addEventListener("change", function () { update(); remember(); });
  form.addEventListener("reset", function () { setTimeout(function () { update(); remember(); }); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
});
