import '../lib/zod-csp.js';
import { mount } from 'svelte';
import App from './App.svelte';
import { Admin } from './admin.svelte.js';
import './admin.css';

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

const admin = new Admin({ location, history, storage: storage() });
admin.start();

const target = document.getElementById('app');
if (!target) throw new Error('admin.html lacks <div id="app">');
mount(App, { target, props: { admin } });
