import type { Knex } from 'knex';

/**
 * The audit log of a workspace: who did what to whom, when, with details. Rows are only ever inserted,
 * in the same transaction as the change they record. People are referenced, not copied, so a deleted
 * account's name disappears from the log with it (set null). The action list is closed; a new kind
 * of event drops and re-adds the named CHECK in its own migration. created_at has millisecond
 * precision for the (created_at, id) cursor.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_events (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      actor_id uuid references users (id) on delete set null,
      action text not null,
      target_user_id uuid references users (id) on delete set null,
      details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
      created_at timestamptz(3) not null default now(),
      constraint audit_events_action_known check (action in (
        'member.invited', 'invitation.revoked', 'member.joined', 'member.removed', 'member.left',
        'member.role_changed', 'ownership.transferred', 'workspace.renamed', 'workspace.settings_changed'
      ))
    );
    create index audit_events_workspace_created_idx on audit_events (workspace_id, created_at desc, id desc)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table audit_events');
}
