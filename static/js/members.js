// Members directory: apply a filter as soon as a select changes (without JS the button does it).
document.querySelectorAll("form.directory-filters select").forEach((select) => {
  select.addEventListener("change", () => select.form.requestSubmit());
});
