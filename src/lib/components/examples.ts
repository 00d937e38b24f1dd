/**
 * One copyable example of each component: docs/writing-content.md shows these exact texts (a unit
 * test holds the two together), and the writer's page /draft/writing/components/ renders them, so
 * an author sees what each example looks like before copying it.
 */
export interface ComponentExample {
  component: string;
  /** What the component is for, in a line. */
  purpose: string;
  mdx: string;
}

export const COMPONENT_EXAMPLES: readonly ComponentExample[] = [
  {
    component: 'Callout',
    purpose: 'A boxed note, warning, or illustrative example.',
    mdx: `<Callout kind="warning" title="If the colleague mentions harming themselves">

Stay with them and call the on-call psychiatrist now. Do not end the conversation first.

</Callout>`,
  },
  {
    component: 'Steps',
    purpose: 'A numbered procedure; each step may hold Markdown.',
    mdx: `<Steps>

1. Call the colleague within **24 hours** of the event.
2. Offer a time and place to talk; accept a "no" without pressing.
3. Log the contact in the encounter log, with no names.

</Steps>`,
  },
  {
    component: 'Figure',
    purpose: 'An image from the release folder’s figures/, with alt text and a caption.',
    mdx: `<Figure src="figures/three-tiers.svg" alt="Three boxes side by side: tier 1 local support, tier 2 trained peers, tier 3 professional services" caption="The three tiers of support." />`,
  },
  {
    component: 'Download',
    purpose: 'A file from the release folder’s files/, shown with its name, kind and size.',
    mdx: `<Download src="files/encounter-log.csv" title="De-identified encounter log (CSV)" />`,
  },
  {
    component: 'SayThis',
    purpose: 'What to say beside what to avoid: a script for supporters.',
    mdx: `<SayThis title="Opening a conversation">
<Say>

"I heard about the case on Tuesday. How are you doing?"

</Say>
<Avoid>

"Don't worry, it wasn't your fault." It closes the conversation before it starts.

</Avoid>
</SayThis>`,
  },
  {
    component: 'Scenario',
    purpose: 'A case vignette for practice, always labelled “Illustrative scenario”.',
    mdx: `<Scenario title="A threat in clinic">

A patient's relative shouts at a resident and threatens to "find her after work". The resident finishes the clinic and says she is fine.

<Questions>

1. Who should contact the resident, and when?
2. What would you say first?

</Questions>
</Scenario>`,
  },
  {
    component: 'Details',
    purpose: 'A collapsible aside, closed until the reader opens it.',
    mdx: `<Details summary="Why we ask directly about suicide">

Asking directly does not put the idea in someone's mind, and it tells them they can answer honestly.

</Details>`,
  },
  {
    component: 'Local',
    purpose: 'A detail of the reader’s area (activation number, crisis line…), from content/areas/.',
    mdx: `If you are worried about a colleague tonight, call <Local key="activation-number" />. If they may harm themselves, call <Local key="crisis-line" />.`,
  },
];
