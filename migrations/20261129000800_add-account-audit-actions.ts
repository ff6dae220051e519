import type { Knex } from 'knex';

/** The audit log also records network accounts being connected and disconnected. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table audit_events drop constraint audit_events_action_known;
    alter table audit_events add constraint audit_events_action_known check (action in (
      'member.invited', 'invitation.revoked', 'member.joined', 'member.removed', 'member.left',
      'member.role_changed', 'ownership.transferred', 'workspace.renamed', 'workspace.settings_changed',
      'account.connected', 'account.disconnected'
    ))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table audit_events drop constraint audit_events_action_known;
    alter table audit_events add constraint audit_events_action_known check (action in (
      'member.invited', 'invitation.revoked', 'member.joined', 'member.removed', 'member.left',
      'member.role_changed', 'ownership.transferred', 'workspace.renamed', 'workspace.settings_changed'
    ))
  `);
}
