(function () {
  "use strict";
  var button = document.getElementById("toggle-code");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var hidden = document.body.classList.toggle("code-hidden");
    button.textContent = hidden ? "Show code" : "Hide code";
    button.setAttribute("aria-pressed", hidden ? "false" : "true");
  });
})();
