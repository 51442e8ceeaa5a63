// Every page: htmx for partial updates, with the CSRF token of the page on each request.
import htmx from 'htmx.org';

window.htmx = htmx;

document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
