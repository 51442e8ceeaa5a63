// The case page's reveal action: a party's full ID or phone number, for a stated reason, shown in
// the page only (never stored); the server checks the role and scope and audits before answering.
const csrf = () => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
};

document.querySelectorAll('form.reveal').forEach((form) => {
  const output = form.querySelector('output');
  const error = form.querySelector('.field-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    output.textContent = '';
    error.hidden = true;
    const body = { field: form.elements.field.value, reason: form.elements.reason.value };
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf() },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const revealed = await response.json();
      output.textContent = revealed.value;
    } catch (e) {
      error.hidden = false;
    }
  });
});
