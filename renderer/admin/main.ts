import { mount } from 'svelte';
import App from './App.svelte';
import { Admin } from './admin.svelte.js';
import { forgetToken, tokenFromBridge } from './token.js';
import './admin.css';

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

// In the Electron shell the bridge holds the token: nothing is read from or kept in storage.
const bridge = window.hallway;
// A token an older version kept in this window's storage is dropped.
if (bridge?.adminToken) forgetToken({ storage: storage() });
const admin = new Admin({ location, history, storage: bridge?.adminToken ? null : storage() });
admin.start();
if (bridge?.adminToken)
  void tokenFromBridge(bridge).then((token) => {
    if (token) admin.useToken(token);
  });

const target = document.getElementById('app');
if (!target) throw new Error('admin.html lacks <div id="app">');
mount(App, { target, props: { admin } });
