import { describe, expect, it } from 'vitest';
import { isCitationLink, uncitedNumbers } from '../../src/lib/number-audit.ts';

const numbers = (body: string) => uncitedNumbers(body).map((item) => item.number);

describe('uncitedNumbers', () => {
  it('lists a figure with nothing nearby that vouches for it, with its line and context', () => {
    const found = uncitedNumbers('Intro.\n\nSessions last 45 minutes on average.\n');
    expect(found).toEqual([{ number: '45', line: 3, context: 'Sessions last 45 minutes on average.' }]);
  });

  it('reads percentages, dollar amounts with commas and decimals as one number each', () => {
    expect(numbers('Nearly 40% said so; it saved $22,576.05 and 1,200 hours.\n')).toEqual(['40%', '$22,576.05', '1,200']);
  });

  it('accepts a citation link in the same paragraph', () => {
    expect(numbers('Nearly 40% were reluctant ([Dyrbye 2017](https://doi.org/10.1016/x)).\n')).toEqual([]);
    expect(numbers('Tier 2 meets about 30% ([Scott 2010](page:references#scott-2010)).\n')).toEqual([]);
  });

  it('does not accept a link to another playbook page as a citation', () => {
    expect(numbers('About 30% need more ([see escalation](page:escalation-and-safety)).\n')).toEqual(['30%']);
  });

  it('accepts a citation in the paragraph just before or after, but not two paragraphs away', () => {
    expect(numbers('Source: [Busch 2020](page:references#busch-2020).\n\nAnxiety was reported by 76%.\n')).toEqual([]);
    expect(numbers('Source: [Busch 2020](page:references#busch-2020).\n\nUnrelated.\n\nAnxiety was reported by 76%.\n')).toEqual(['76%']);
  });

  it('accepts a citation anywhere around a table for every row of it', () => {
    const body = 'Intro without a source.\n\n| Reaction | Share |\n| --- | --- |\n| Memories | 81% |\n| Guilt | 51% |\n| Sleep | 35% |\n\nSource: [Busch 2020](page:references#busch-2020).\n';
    expect(numbers(body)).toEqual([]);
    expect(numbers(body.replace('[Busch 2020](page:references#busch-2020)', 'Busch'))).toEqual(['81%', '51%', '35%']);
  });

  it('accepts illustrative callouts, scenarios and the conference abstract, only where they are', () => {
    expect(numbers('<Callout kind="illustrative">\n\nArea B logged 12 encounters.\n\n</Callout>\n')).toEqual([]);
    expect(numbers('<Scenario title="A case">\n\nShe had worked 14 nights in a row.\n\n</Scenario>\n')).toEqual([]);
    expect(numbers('The program team\'s conference abstract counts 139 encounters.\n')).toEqual([]);
    expect(numbers('<Callout kind="illustrative">\n\nSample: 12.\n\n</Callout>\n\nReal claim: 99 areas.\n')).toEqual(['99']);
  });

  it('skips labels, release numbers and ordinals that number a heading or table row', () => {
    expect(numbers('Refer to Tier 3 at stage 5.\n')).toEqual([]);
    expect(numbers('Since release 2.0, and in releases 1.0 and 1.1, the scope grew.\n')).toEqual([]);
    expect(numbers('### 1. Parties\n\nText.\n')).toEqual([]);
    expect(numbers('| Step | Who |\n| --- | --- |\n| 1. Match | Manager |\n')).toEqual([]);
    expect(numbers('The score rose from 2.0 to 3.5.\n')).toEqual(['2.0', '3.5']);
    expect(numbers('Call or text 988, or call 911 in an emergency; 912 people called.\n')).toEqual(['912']);
  });

  it('lists spelled figures of time and contact, and fractions, but not ordinary number words', () => {
    expect(numbers('Reach them within one working day.\n')).toEqual(['one working day']);
    expect(numbers('Most need one or two conversations, each thirty minutes long.\n')).toEqual(['one or two conversations', 'thirty minutes']);
    expect(numbers('About three quarters recover.\n')).toEqual(['three quarters']);
    expect(numbers('Each area has two leads and one rule. Three situations call for care.\n')).toEqual([]);
  });

  it('ignores numbers inside link text and inline code', () => {
    expect(numbers('See [the 2014 review](page:faq) and `npm run release -- 2.1`.\n')).toEqual([]);
  });
});

describe('isCitationLink', () => {
  it('counts https addresses and the references page, nothing else', () => {
    expect(isCitationLink('https://doi.org/10.1136/bmj.a2038')).toBe(true);
    expect(isCitationLink('page:references#wu-2000')).toBe(true);
    expect(isCitationLink('page:references')).toBe(true);
    expect(isCitationLink('page:referenced-page')).toBe(false);
    expect(isCitationLink('http://example.org')).toBe(false);
    expect(isCitationLink('files/encounter-log.csv')).toBe(false);
  });
});
