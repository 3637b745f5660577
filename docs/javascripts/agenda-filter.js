// Optional: narrow the status board by thema, niveau and trekker. Without this script the
// board shows every card and the grouped lists below it do the narrowing.
document.querySelectorAll("form.agenda-filter").forEach(function (form) {
  var board = document.querySelector('.agenda-board[data-board="' + form.dataset.board + '"]');
  if (!board) return;
  var cards = board.querySelectorAll(".agenda-card");
  var count = form.querySelector(".agenda-filter__count");
  function update() {
    var shown = 0;
    cards.forEach(function (card) {
      var match = Array.prototype.every.call(form.elements, function (field) {
        return !field.name || !field.value || card.dataset[field.name] === field.value;
      });
      card.hidden = !match;
      if (match) shown += 1;
    });
    board.querySelectorAll(".agenda-column").forEach(function (column) {
      column.querySelector(".agenda-column__count").textContent =
        column.querySelectorAll(".agenda-card:not([hidden])").length;
    });
    count.textContent = shown + " van de " + cards.length + " opgaven";
  }
  form.addEventListener("change", update);
  form.hidden = false;
});
