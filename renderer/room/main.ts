import { mount } from 'svelte';
import '../styles/screen.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
