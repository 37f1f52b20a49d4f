(function () {
  "use strict";
  var button = document.getElementById("toggle-code");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var hidden = document.body.classList.toggle("code-hidden");
    button.textContent = hidden ? button.dataset.show : button.dataset.hide;
    button.setAttribute("aria-pressed", hidden ? "false" : "true");
  });
})();
