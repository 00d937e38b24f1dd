/**
 * The "make this my area" controls of /areas/ and /areas/<id>/: the choice is kept in this
 * browser only (localStorage), and every <Local> on every page then shows that area's details.
 */
import { chooseArea, chosenArea } from '../lib/area-choice.ts';
import { islandRoot, requiredPart } from '../lib/islands.ts';

const picker = islandRoot<HTMLElement>(document, 'areaPicker');
if (picker) {
  const status = requiredPart<HTMLElement>(picker, 'area picker', '[data-area-status]');
  const names = JSON.parse(picker.dataset.areaNames ?? '{}') as Record<string, string>;
  const show = () => {
    const id = chosenArea();
    status.textContent = id && names[id] ? `Your area: ${names[id]}. Pages show its details, marked as local.` : 'No area chosen: pages show a link to this list where a local detail belongs.';
    for (const button of picker.querySelectorAll<HTMLButtonElement>('[data-choose-area]')) button.setAttribute('aria-pressed', String(button.dataset.chooseArea === id));
    requiredPart<HTMLButtonElement>(picker, 'area picker', '[data-forget-area]').hidden = !id;
  };
  picker.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!button) return;
    chooseArea(button.dataset.chooseArea ?? null);
    show();
  });
  picker.hidden = false;
  show();
}
