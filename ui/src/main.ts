import { mount } from 'svelte';
import App from './App.svelte';
import { NO_BACKEND, selectBackend } from './lib/backend';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

selectBackend().then((backend) => {
  if (backend) mount(App, { target, props: { backend } });
  else {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = NO_BACKEND;
    target.replaceChildren(p);
  }
});
