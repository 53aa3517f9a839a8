// Phrase banks for demo narratives: what a Met strand lead writes in a monthly update, by strand
// (its units, forums and partners) and by RIPE theme and status. Composed by narrative.ts.
import type { Status } from '../../shared/domain';

export const BOROUGHS = [
  'Lambeth',
  'Southwark',
  'Hackney',
  'Haringey',
  'Newham',
  'Brent',
  'Croydon',
  'Tower Hamlets',
  'Lewisham',
  'Waltham Forest',
  'Islington',
  'Camden',
  'Westminster',
  'Ealing',
  'Enfield',
  'Greenwich',
] as const;

/** What each strand's updates talk about: its units, its forums, its partners. */
export interface StrandVoice {
  unit: string[];
  forum: string[];
  partner: string[];
  work: string[];
}

export const STRAND_VOICES: Record<number, StrandVoice> = {
  1: {
    unit: ['Jigsaw teams', 'SCD5', 'borough Public Protection Units'],
    forum: ['the MAPPA Strategic Management Board', 'MAPPA level 3 panels', 'the ViSOR user group'],
    partner: ['London Probation', 'the Prison Service', 'UKBA'],
    work: ['ViSOR record audits', 'home visits to registered sex offenders', 'risk assessments under RM2000'],
  },
  2: {
    unit: ['Sapphire units', 'SOIT officers', 'the Sapphire central team'],
    forum: ['the Havens Strategic Board', 'the LCJB rape working group', 'the Sapphire performance meeting'],
    partner: ['the Havens', 'CPS London', 'the Rape Crisis Federation'],
    work: [
      'early evidence kit roll-out',
      'case reviews of no-crimed allegations',
      'joint CPS case conferences',
    ],
  },
  3: {
    unit: ['Community Safety Units', 'hate crime co-ordinators', 'the LGBT liaison network'],
    forum: ['borough MARACs', 'the Hate Crime Forum', 'the DV strategic group'],
    partner: ['IDVA services', 'Victim Support', 'borough DV co-ordinators'],
    work: ['repeat victimisation reviews', 'third party reporting sites', 'DASH risk assessments'],
  },
  4: {
    unit: ['Safer Schools Officers', 'borough youth engagement teams', 'Operation Curb'],
    forum: ['the Curb tasking meeting', 'borough youth violence panels', 'the Safer Schools steering group'],
    partner: ['YOTs', 'schools and academies', 'the Youth Justice Board'],
    work: ['knife arches and search operations', 'school assembly programmes', 'diversion referrals'],
  },
  5: {
    unit: ['the gangs intelligence unit', 'borough gang units', 'SCD8'],
    forum: ['the gangs tasking group', 'the pan-London gangs forum', 'borough tasking meetings'],
    partner: ['London Councils', 'housing providers', 'local authority gang workers'],
    work: ['gang mapping', 'gang exit referrals', 'ASBO and injunction applications'],
  },
  6: {
    unit: ['Major Investigation Teams', 'the Homicide Assessment Team', 'family liaison officers'],
    forum: ['the homicide prevention group', 'the MIT performance review', 'case review panels'],
    partner: ["the Coroner's office", 'CPS London', 'Victim Support (homicide service)'],
    work: ['homicide case reviews', 'forensic submission timeliness', 'prevention projects with partners'],
  },
  7: {
    unit: ['borough CID', 'the Violent Crime Directorate', 'night-time economy teams'],
    forum: ['the GBH tasking group', 'borough licensing forums', 'the A&E data sharing group'],
    partner: ['A&E departments', 'licensing authorities', 'PCTs'],
    work: ['A&E data sharing', 'licensed premises enforcement', 'GBH investigation standards'],
  },
  8: {
    unit: ['Child Abuse Investigation Teams', 'the CAIC referral desk', 'borough Public Protection Units'],
    forum: ['Local Safeguarding Children Boards', 'the CAIC performance meeting', 'strategy discussions'],
    partner: ["children's social care", 'LSCBs', 'health visitors and schools'],
    work: [
      "joint investigation with children's social care",
      'strategy discussion timeliness',
      'SOP compliance checks',
    ],
  },
};

export const FALLBACK_VOICE: StrandVoice = {
  unit: ['strand teams', 'borough units'],
  forum: ['the strand working group', 'borough tasking meetings'],
  partner: ['local partners', 'CDRPs'],
  work: ['the delivery plan', 'partnership activity'],
};

/** Sentences by RIPE theme letter: progress in hand, on the strand's own terms. Placeholders: {unit} {forum} {partner} {work} {borough} {borough2} {count}. */
export const PROGRESS: Record<string, string[]> = {
  R: [
    'Community reassurance messages agreed with {partner} and issued through {borough} and {borough2} SNTs.',
    'Victim satisfaction survey returns for the month are in line with target; {unit} following up call-backs.',
    'Public meetings held in {borough} with {partner}; feedback fed into {forum}.',
  ],
  I: [
    'Intelligence sharing protocol now signed by {count} boroughs; remaining boroughs in draft with {partner}.',
    'Monthly intelligence product delivered to {forum} on time; MIB analyst now embedded with {unit}.',
    'Data quality checks on {work} completed for {borough} and {borough2}; few issues found.',
  ],
  P: [
    '{work} continuing in {borough} and {borough2}, jointly with {partner}.',
    'Prevention activity reviewed at {forum}; {count} referrals made this month.',
    'Training for {unit} delivered to {count} staff; evaluation forms being collated.',
  ],
  E: [
    'Sanction detections for the month in line with the strand target; {unit} maintaining arrest rates.',
    '{count} warrants executed across {borough} and {borough2} with support from TSG.',
    'SOP compliance dip-sample completed; {unit} meeting the standard in {count} of the sampled cases.',
  ],
};

/** Why an objective is at risk or off track. */
export const CAUSES: Record<'amber' | 'red', string[]> = {
  amber: [
    'Abstractions to public order commitments have slowed {work} in {borough}.',
    'Sign-off of the revised SOP is waiting on {partner}, so roll-out has slipped by a month.',
    'Vacancies in {unit} (three posts) are reducing capacity for {work}.',
    'Data from {partner} has arrived late, delaying the analysis for {forum}.',
    'Funding for the second phase is not yet confirmed by {partner}.',
  ],
  red: [
    'Performance is well below target: {borough} and {borough2} account for most of the gap.',
    'The IT change needed for {work} has been deferred by the supplier to next quarter; the milestone will be missed.',
    '{partner} withdrew from the joint arrangement pending a review of its own, so work on {work} has stopped.',
    'Backlog in forensic submissions has built up in {unit}, and charging decisions with CPS are delayed.',
  ],
};

/** What is being done about it. */
export const MITIGATIONS: Record<'amber' | 'red', string[]> = {
  amber: [
    'Mitigation: the DCI has re-tasked two DSs from {borough2} until the end of next month.',
    'Mitigation: the issue has been raised at {forum} and an interim process agreed.',
    'Mitigation: a weekly progress call with {partner} is in place until the slippage is recovered.',
    'Mitigation: recovery plan agreed with {unit}; expect to return to Green within two months.',
  ],
  red: [
    'A recovery plan has been drawn up with {unit}; the board is asked to support a request for additional resources.',
    'Escalated to the Commander; the board is asked to raise the matter with {partner} at chief officer level.',
    'Gold group established; weekly review at {forum} until performance recovers. Board attention requested.',
  ],
};

export const COMPLETIONS: string[] = [
  'Delivered and signed off at {forum}; now business as usual for {unit}.',
  'Complete: final report agreed with {partner} and circulated to boroughs.',
  'Objective achieved; evidence of completion held by the strand and reviewed at {forum}.',
];

/** A Year 2 objective before Year 2 of the plan begins. */
export const YEAR_TWO_WAITING =
  'A Year 2 objective: work starts with the Year 2 delivery plan; early scoping with {partner} only.';

export const NOT_STARTED: string[] = [
  'Start deferred until {partner} confirms its lead officer; scoping note drafted.',
  'Scheduled to begin once the preceding phase of {work} is complete.',
];

export const NEXT_STEPS: Record<Status, string[]> = {
  green: [
    'Report progress to {forum} next month.',
    'Extend {work} to {borough2} from next month.',
    "Agree next quarter's milestones with {partner}.",
  ],
  amber: [
    'Review the recovery plan at {forum}; report back to the board next month.',
    'Confirm revised timescales with {partner} by the end of the month.',
  ],
  red: [
    'Recovery plan to the next board; weekly monitoring by the strand lead.',
    'Chief officer meeting with {partner} to be arranged by the secretariat.',
  ],
  complete: ['None: objective closed. Monitoring continues through {forum}.'],
  not_started: [
    'Scoping to start next quarter.',
    'Identify a lead officer and draft terms of reference with {partner}.',
  ],
};

export const RISKS: string[] = [
  'Continued abstraction of {unit} to events.',
  'Dependence on {partner} resourcing.',
  'Data sharing agreement with {partner} still to be renewed.',
  'Possible budget reductions next financial year.',
];
