/** Pipeline stages and their labels, without zod, so UI bundles stay small. */
export const STAGES = [
  'prospect',
  'requested',
  'scheduled',
  'interviewed',
  'thanked',
  'keeping-in-touch',
  'moved-on',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  prospect: 'Prospect',
  requested: 'Requested',
  scheduled: 'Scheduled',
  interviewed: 'Interviewed',
  thanked: 'Thanked',
  'keeping-in-touch': 'Keeping in touch',
  'moved-on': 'Moved on',
};
