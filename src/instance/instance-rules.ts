/**
 * The server rules shown at sign-up and in the instance entity. Parley's first rule is the one
 * its screening enforces before publication.
 */
export interface InstanceRule {
  id: string;
  text: string;
  hint: string;
}

export const INSTANCE_RULES: readonly InstanceRule[] = [
  {
    id: '1',
    text: 'No violent threats, incitement to violence or glorification of violence.',
    hint: 'Posts are screened before they are published; threatening posts are held for review by moderators.',
  },
  { id: '2', text: 'No harassment, targeted abuse or hate against people or groups.', hint: '' },
  { id: '3', text: 'No illegal content, spam or impersonation.', hint: '' },
  { id: '4', text: 'Mark sensitive media and content warnings where appropriate.', hint: '' },
];
