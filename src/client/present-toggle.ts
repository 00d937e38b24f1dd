// The trainer's Present button: revealed here, the presentation code (present.ts) loaded only when asked for.
const toggle = document.querySelector<HTMLButtonElement>('[data-present-toggle]');
if (toggle) {
  const start = () => import('./present.ts').then((module) => module.present(toggle));
  toggle.hidden = false;
  toggle.closest<HTMLElement>('[data-trainer-tools]')?.removeAttribute('hidden');
  toggle.addEventListener('click', start);
  if (new URLSearchParams(location.search).has('present')) start();
}

export {};
