// Copy buttons for addresses in readonly fields (the meeting plan's calendar feeds).
// Progressive enhancement: the buttons are `hidden` in the HTML and shown only here, where the
// Clipboard API is available, so without JavaScript the address stays selectable text.
// The result is written into the button's status element (role="status"), which screen
// readers announce.
for (const button of document.querySelectorAll("button[data-copy-address]")) {
  const field = document.getElementById(button.dataset.copyAddress);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!field || !status || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.copied;
    } catch {
      // Refused (no permission, not a secure context): select it for Ctrl+C instead.
      field.focus();
      field.select();
      status.textContent = button.dataset.copyFailed;
    }
  });
}
