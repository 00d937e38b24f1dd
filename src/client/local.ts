/**
 * Fills every <Local> of the page with the value of the reader's area, marked as local. With no
 * area chosen, or no JavaScript, the neutral phrase and its link to /areas/ stay as they are.
 */
import { localValuesUrl } from '../lib/addresses.ts';
import { chosenArea, type LocalArea } from '../lib/area-choice.ts';

async function fill(): Promise<void> {
  const spots = document.querySelectorAll<HTMLElement>('[data-local]');
  const id = chosenArea();
  if (!id || spots.length === 0) return;
  const response = await fetch(localValuesUrl());
  if (!response.ok) return;
  const area = ((await response.json()) as Record<string, LocalArea>)[id];
  if (!area) return;
  for (const spot of spots) {
    const value = area.details[spot.dataset.local ?? ''];
    if (!value) continue;
    const strong = document.createElement('strong');
    strong.className = 'local__value';
    strong.textContent = value;
    const tag = document.createElement('a');
    tag.className = 'local__tag';
    tag.href = area.url;
    tag.textContent = `local: ${area.name}`;
    spot.replaceChildren(strong, ' (', tag, ')');
    spot.classList.add('local--filled');
  }
}

void fill();
